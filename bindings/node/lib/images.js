'use strict';
// client.images and Image: docker-py's images API over docker_images_*. An image the engine
// does not have rejects with ImageNotFoundError (a NotFoundError), as docker-py's ImageNotFound.

const native = require('./native');
const errors = require('./errors');
const { toJson, convert, str } = require('./options');
const { getEach, parse } = require('./networks');

const { call, withCallback, copyBytes } = native;
const { invalid, NotFoundError, ImageNotFoundError } = errors;

/** A 404 about an image, as ImageNotFoundError (what docker-py raises). */
async function imageErrors(promise) {
  try {
    return await promise;
  } catch (e) {
    if (e instanceof NotFoundError && !(e instanceof ImageNotFoundError)) {
      throw new ImageNotFoundError(e.message, {
        result: native.table.docker_result.DOCKER_ERR_IMAGE_NOT_FOUND,
        httpStatus: e.httpStatus,
      });
    }
    throw e;
  }
}

/** An image argument: an Image (its id), or a name or id. */
function imageRef(image, what) {
  if (image instanceof Image) return image.id;
  return str(image, 'image', what);
}

/** docker-py's parse_repository_tag: "repo:tag" or "repo@digest" -> [repo, tag or null]. */
function splitTag(name) {
  const at = name.lastIndexOf('@');
  if (at >= 0) return [name.slice(0, at), name.slice(at + 1)];
  const colon = name.lastIndexOf(':');
  if (colon >= 0 && !name.slice(colon + 1).includes('/')) return [name.slice(0, colon), name.slice(colon + 1)];
  return [name, null];
}

function joinTag(repository, tag) {
  return `${repository}${tag.startsWith('sha256:') ? '@' : ':'}${tag}`;
}

class ImageCollection {
  constructor(client) {
    this.client = client;
  }

  _call(fn, ...args) {
    return imageErrors(this.client._use((p) => call(fn, p, ...args)));
  }

  /** Whether the engine has the image (not in docker-py). */
  async exists(name) {
    str(name, 'name', 'images.exists');
    return this.client._use((p) => call('docker_images_exists', p, name));
  }

  /** docker-py's images.get(name): an Image; a missing one rejects with ImageNotFoundError. */
  async get(name) {
    str(name, 'name', 'images.get');
    return new Image(this.client, parse(await this._call('docker_images_inspect', name)));
  }

  /**
   * docker-py's images.list({name, all, filters}): Image objects (each inspected; those removed
   * meanwhile are left out); with {sparse: true} the engine's summaries as plain objects.
   */
  async list(options) {
    const o = convert(options, 'images.list') || {};
    const sparse = o.sparse === true;
    delete o.sparse;
    const json = Object.keys(o).length ? JSON.stringify(o) : null;
    const entries = parse(await this._call('docker_images_list', json));
    if (sparse) return entries;
    return getEach(
      entries.map((e) => e.Id),
      (id) => this.get(id),
    );
  }

  /**
   * docker-py's images.pull(repository, {tag, platform, timeout, onProgress}): pulls
   * repository:tag ("latest" unless the name or `tag` gives one) and resolves to the Image.
   * onProgress(item) gets each of the engine's progress objects ({status, id, progressDetail,
   * ...}) as it comes; an exception thrown in it stops the pull and is re-thrown.
   */
  async pull(repository, options) {
    str(repository, 'repository', 'images.pull');
    const o = convert(options, 'images.pull') || {};
    const onProgress = o.on_progress;
    delete o.on_progress;
    if (onProgress !== undefined && onProgress !== null && typeof onProgress !== 'function') {
      throw invalid('images.pull: onProgress must be a function');
    }
    let tag = o.tag;
    delete o.tag;
    if (tag !== undefined && tag !== null) str(tag, 'tag', 'images.pull');
    let repo = repository;
    if (!tag) [repo, tag] = splitTag(repository);
    const ref = joinTag(repo, tag || 'latest');
    const json = Object.keys(o).length ? JSON.stringify(o) : null;
    const progress = onProgress ? (ud, data, len) => onProgress(JSON.parse(copyBytes(data, len).toString('utf8'))) : null;
    await withCallback('docker_progress_cb', progress, (cb) =>
      this.client._use((p) => call('docker_images_pull', p, ref, json, cb, null)),
    );
    return this.get(ref);
  }

  /**
   * APIClient.tag(image, repository, {tag, force}): tag an image (an Image, a name or an id)
   * as repository[:tag]. Resolves to true.
   */
  async tag(image, repository, options) {
    const ref = imageRef(image, 'images.tag');
    str(repository, 'repository', 'images.tag');
    await this._call('docker_images_tag', ref, repository, toJson(options, 'images.tag'));
    return true;
  }

  /**
   * docker-py's images.prune({filters}): remove unused images (only dangling ones unless
   * {dangling: false}); resolves to {ImagesDeleted: [{Untagged | Deleted}], SpaceReclaimed}.
   */
  async prune(options) {
    return parse(await this._call('docker_images_prune', toJson(options, 'images.prune')));
  }

  /** docker-py's images.remove(image, {force, noprune}); a missing one rejects with ImageNotFoundError. */
  async remove(image, options) {
    const ref = imageRef(image, 'images.remove');
    await this._call('docker_images_remove', ref, toJson(options, 'images.remove'));
  }
}

/** One image (docker-py's Image): its inspect attributes and the calls on it. */
class Image {
  constructor(client, attrs) {
    this.client = client;
    this.attrs = attrs;
  }

  /** The image id ("sha256:..."). */
  get id() {
    return this.attrs.Id;
  }

  /** The id as docker-py shortens it: "sha256:" and 12 hex digits. */
  get shortId() {
    const id = this.id || '';
    return id.startsWith('sha256:') ? id.slice(0, 19) : id.slice(0, 12);
  }

  /** RepoTags, without "<none>:<none>". */
  get tags() {
    return (this.attrs.RepoTags || []).filter((t) => t !== '<none>:<none>');
  }

  /** Config.Labels ({} when none). */
  get labels() {
    return (this.attrs.Config && this.attrs.Config.Labels) || {};
  }

  /** Inspect again. */
  async reload() {
    const fresh = await this.client.images.get(this.id);
    this.attrs = fresh.attrs;
    return this;
  }

  /** docker-py's Image.tag(repository, {tag, force}): resolves to true. */
  async tag(repository, options) {
    return this.client.images.tag(this.id, repository, options);
  }

  /** Remove this image by id (images.remove); options {force, noprune}. */
  async remove(options) {
    return this.client.images.remove(this.id, options);
  }
}

module.exports = { ImageCollection, Image, splitTag };

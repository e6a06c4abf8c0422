//! Images through the C ABI against the real engine: list (name, all, filters as docker-py sends
//! them), tag (with and without a tag, force), prune, and their errors. Every tag made here is
//! under "dcab-img/" and removed afterwards, also when a test fails.

mod common;
use common::*;
use docker_containers::ffi::*;
use serde_json::Value;
use std::ptr;

/// Removes every image tag under `repo` (only the tags: the busybox image stays).
struct Untag {
    repo: &'static str,
}

impl Untag {
    fn new(repo: &'static str) -> Untag {
        let u = Untag { repo };
        u.sweep();
        u
    }
    fn sweep(&self) {
        let cl = client();
        for t in tags_under(cl, self.repo) {
            let n = c(&t);
            docker_images_remove(cl, n.as_ptr(), ptr::null(), ptr::null_mut());
        }
        docker_client_free(cl);
    }
}

impl Drop for Untag {
    fn drop(&mut self) {
        self.sweep();
    }
}

fn list(cl: *mut docker_client, opts: &str) -> Vec<Value> {
    let o = c(opts);
    let mut out = ptr::null_mut();
    let mut e = ptr::null_mut();
    ok(docker_images_list(cl, o.as_ptr(), &mut out, &mut e), e);
    serde_json::from_str(&take_string(out)).unwrap()
}

/// Every RepoTag of every image that starts with `repo` (engines may qualify the name).
fn tags_under(cl: *mut docker_client, repo: &str) -> Vec<String> {
    list(cl, "")
        .iter()
        .flat_map(|i| i["RepoTags"].as_array().cloned().unwrap_or_default())
        .filter_map(|t| t.as_str().map(str::to_string))
        .filter(|t| t.contains(repo))
        .collect()
}

fn tags_of(items: &[Value]) -> Vec<String> {
    let mut v: Vec<String> = items
        .iter()
        .flat_map(|i| i["RepoTags"].as_array().cloned().unwrap_or_default())
        .filter_map(|t| t.as_str().map(str::to_string))
        .collect();
    v.sort();
    v
}

fn tag(cl: *mut docker_client, image: &str, repo: &str, opts: &str) -> docker_result {
    let (i, r, o) = (c(image), c(repo), c(opts));
    let mut e = ptr::null_mut();
    let code = docker_images_tag(cl, i.as_ptr(), r.as_ptr(), o.as_ptr(), &mut e);
    if code != docker_result::DOCKER_OK {
        take_error(e);
    }
    code
}

fn id_of(cl: *mut docker_client, name: &str) -> String {
    let n = c(name);
    let mut out = ptr::null_mut();
    let mut e = ptr::null_mut();
    ok(docker_images_inspect(cl, n.as_ptr(), &mut out, &mut e), e);
    let v: Value = serde_json::from_str(&take_string(out)).unwrap();
    v["Id"].as_str().unwrap().to_string()
}

#[test]
fn tag_then_list_by_name_all_and_filters() {
    let _u = Untag::new("dcab-img/");
    let cl = client();
    let base = id_of(cl, IMAGE);
    let ok_ = docker_result::DOCKER_OK;

    assert_eq!(tag(cl, IMAGE, "dcab-img/one", r#"{"tag": "v1"}"#), ok_);
    // Without a tag: the engine's "latest".
    assert_eq!(tag(cl, IMAGE, "dcab-img/one", ""), ok_);
    // By id, into a second repository; force is accepted (and sent as docker-py sends it).
    assert_eq!(
        tag(cl, &base, "dcab-img/two", r#"{"tag": "t", "force": true}"#),
        ok_
    );
    assert_eq!(id_of(cl, "dcab-img/one:v1"), base);
    assert_eq!(id_of(cl, "dcab-img/one:latest"), base);
    assert_eq!(id_of(cl, "dcab-img/two:t"), base);

    // name: the reference filter, a repository or a repository:tag.
    let by_name = list(cl, r#"{"name": "dcab-img/one"}"#);
    assert_eq!(by_name.len(), 1, "{by_name:?}");
    assert_eq!(by_name[0]["Id"], base);
    let tags = tags_of(&by_name);
    assert!(
        tags.iter().any(|t| image_name_is(t, "dcab-img/one:v1"))
            && tags.iter().any(|t| image_name_is(t, "dcab-img/one:latest")),
        "{tags:?}"
    );
    assert_eq!(list(cl, r#"{"name": "dcab-img/one:v1"}"#).len(), 1);
    assert!(list(cl, r#"{"name": "dcab-img/none"}"#).is_empty());
    // filters in docker-py's shapes; a name replaces the filters' own reference.
    let f = list(
        cl,
        r#"{"filters": {"reference": ["dcab-img/one:v1", "dcab-img/two:t"], "dangling": false}}"#,
    );
    assert_eq!(f.len(), 1, "{f:?}");
    let f = list(
        cl,
        r#"{"name": "dcab-img/two", "filters": {"reference": "dcab-img/none"}}"#,
    );
    assert_eq!(f.len(), 1, "{f:?}");
    // all: every image, so at least as many as without it, ours among them.
    let all = list(cl, r#"{"all": true}"#);
    assert!(all.len() >= list(cl, r#"{"all": false}"#).len());
    assert!(all.iter().any(|i| i["Id"] == base));

    // Tagging over an existing tag with force false is accepted too (current engines ignore
    // force and move the tag).
    assert_eq!(
        tag(cl, IMAGE, "dcab-img/two", r#"{"tag": "t", "force": false}"#),
        ok_
    );
    assert_eq!(id_of(cl, "dcab-img/two:t"), base);
    docker_client_free(cl);
}

#[test]
fn tag_errors_and_prune() {
    let _u = Untag::new("dcab-img-err/");
    let cl = client();
    let mut e = ptr::null_mut();
    let (missing, repo) = (c("dcab-img-err/missing:nope"), c("dcab-img-err/x"));
    let msg = expect(
        docker_images_tag(cl, missing.as_ptr(), repo.as_ptr(), ptr::null(), &mut e),
        e,
        docker_result::DOCKER_ERR_IMAGE_NOT_FOUND,
    );
    assert!(msg.contains("dcab-img-err/missing"), "{msg}");
    let (img, empty) = (c(IMAGE), c(""));
    let msg = expect(
        docker_images_tag(cl, img.as_ptr(), empty.as_ptr(), ptr::null(), &mut e),
        e,
        docker_result::DOCKER_ERR_INVALID_ARGUMENT,
    );
    assert!(msg.contains("repository"), "{msg}");
    let msg = expect(
        docker_images_tag(cl, img.as_ptr(), ptr::null(), ptr::null(), &mut e),
        e,
        docker_result::DOCKER_ERR_INVALID_ARGUMENT,
    );
    assert!(msg.contains("repository is NULL"), "{msg}");
    // An invalid reference is the engine's to refuse.
    let bad = c("dcab-img-err/UPPER");
    expect(
        docker_images_tag(cl, img.as_ptr(), bad.as_ptr(), ptr::null(), &mut e),
        e,
        docker_result::DOCKER_ERR_ENGINE,
    );
    assert!(tags_under(cl, "dcab-img-err/").is_empty());
    let mut out = ptr::null_mut();
    let msg = expect(
        docker_images_list(cl, ptr::null(), ptr::null_mut(), &mut e),
        e,
        docker_result::DOCKER_ERR_INVALID_ARGUMENT,
    );
    assert!(msg.contains("out"), "{msg}");
    let o = c(r#"{"al": true}"#);
    let msg = expect(
        docker_images_list(cl, o.as_ptr(), &mut out, &mut e),
        e,
        docker_result::DOCKER_ERR_INVALID_ARGUMENT,
    );
    assert!(msg.contains("\"al\""), "{msg}");

    // Prune, limited to a label no image has: nothing deleted, the list present (not null).
    let o = c(r#"{"filters": {"label": ["dcab-img-err=none"]}}"#);
    ok(docker_images_prune(cl, o.as_ptr(), &mut out, &mut e), e);
    let v: Value = serde_json::from_str(&take_string(out)).unwrap();
    assert_eq!(v["ImagesDeleted"], serde_json::json!([]), "{v}");
    assert_eq!(v["SpaceReclaimed"], 0, "{v}");
    docker_client_free(cl);
}

//! unix:// engines: the local socket, through hyperlocal's connector.

use std::path::Path;

/// Open the unix socket at `path`.
pub async fn connect(path: &Path) -> std::io::Result<hyperlocal::UnixStream> {
    use tower_service::Service;
    let uri: hyper::Uri = hyperlocal::Uri::new(path, "/").into();
    hyperlocal::UnixConnector.call(uri).await
}

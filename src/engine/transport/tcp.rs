//! tcp:// and http:// engines: a plain TCP socket (also under TLS, see tls.rs).

/// Open a TCP connection to `host:port`, with Nagle off (requests are small and answered).
pub async fn connect(host: &str, port: u16) -> std::io::Result<tokio::net::TcpStream> {
    let io = tokio::net::TcpStream::connect((host, port)).await?;
    let _ = io.set_nodelay(true);
    Ok(io)
}

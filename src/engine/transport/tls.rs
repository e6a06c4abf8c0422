//! TLS to a remote engine (rustls with the ring provider), with the Docker CLI's rules: verify
//! the server against the CA and present the client certificate, unless verification is
//! explicitly turned off.

use crate::engine::{Error, Result};
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::CryptoProvider;
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName, UnixTime};
use rustls::{ClientConfig, DigitallySignedStruct, SignatureScheme};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Where the TLS files are and whether to check the server.
#[derive(Debug, Clone, Default)]
pub struct TlsSettings {
    /// Check the server's certificate against the CA (the default).
    pub verify: bool,
    pub ca_cert: Option<PathBuf>,
    pub client_cert: Option<PathBuf>,
    pub client_key: Option<PathBuf>,
    /// The name the server's certificate must carry; default: the host of the address.
    pub server_name: Option<String>,
}

/// What a connection needs: the rustls config and the name to check.
#[derive(Clone)]
pub struct Tls {
    pub connector: tokio_rustls::TlsConnector,
    pub server_name: ServerName<'static>,
}

fn provider() -> Arc<CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

fn certs(path: &Path) -> Result<Vec<CertificateDer<'static>>> {
    let list: std::result::Result<Vec<_>, _> = CertificateDer::pem_file_iter(path)
        .map_err(|e| Error::Tls(format!("reading certificates from {}: {e}", path.display())))?
        .collect();
    let list =
        list.map_err(|e| Error::Tls(format!("reading certificates from {}: {e}", path.display())))?;
    if list.is_empty() {
        return Err(Error::Tls(format!(
            "{} holds no PEM certificate",
            path.display()
        )));
    }
    Ok(list)
}

impl TlsSettings {
    /// Build the connector for `host` (the address's host part).
    pub fn build(&self, host: &str) -> Result<Tls> {
        let p = provider();
        let builder = ClientConfig::builder_with_provider(p.clone())
            .with_safe_default_protocol_versions()
            .map_err(|e| Error::Tls(e.to_string()))?;
        let builder = if self.verify {
            let ca = self.ca_cert.as_ref().ok_or_else(|| {
                Error::Tls(
                    "TLS verification needs a CA certificate (tls_ca_cert, or ca.pem in \
                     DOCKER_CERT_PATH); set tls_verify to false to skip verification"
                        .into(),
                )
            })?;
            let mut roots = rustls::RootCertStore::empty();
            for c in certs(ca)? {
                roots
                    .add(c)
                    .map_err(|e| Error::Tls(format!("CA certificate {}: {e}", ca.display())))?;
            }
            builder.with_root_certificates(roots)
        } else {
            builder
                .dangerous()
                .with_custom_certificate_verifier(Arc::new(NoVerify(p)))
        };
        let config = match (&self.client_cert, &self.client_key) {
            (Some(cert), Some(key)) => {
                let chain = certs(cert)?;
                let key = PrivateKeyDer::from_pem_file(key).map_err(|e| {
                    Error::Tls(format!("reading the private key {}: {e}", key.display()))
                })?;
                builder
                    .with_client_auth_cert(chain, key)
                    .map_err(|e| Error::Tls(format!("client certificate: {e}")))?
            }
            (None, None) => builder.with_no_client_auth(),
            _ => {
                return Err(Error::Tls(
                    "a client certificate needs both tls_client_cert and tls_client_key".into(),
                ))
            }
        };
        let name = self.server_name.as_deref().unwrap_or(host).to_string();
        let server_name = ServerName::try_from(name.clone())
            .map_err(|e| Error::Tls(format!("server name {name:?}: {e}")))?;
        Ok(Tls {
            connector: tokio_rustls::TlsConnector::from(Arc::new(config)),
            server_name,
        })
    }
}

/// If `e` (or what it wraps) is a TLS failure, the reason in words.
pub fn tls_reason(e: &(dyn std::error::Error + 'static)) -> Option<String> {
    let mut cur: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = cur {
        if let Some(t) = err.downcast_ref::<rustls::Error>() {
            return Some(explain(t));
        }
        if let Some(io) = err.downcast_ref::<std::io::Error>() {
            if let Some(t) = io.get_ref().and_then(|i| i.downcast_ref::<rustls::Error>()) {
                return Some(explain(t));
            }
        }
        cur = err.source();
    }
    None
}

fn explain(e: &rustls::Error) -> String {
    use rustls::{AlertDescription as A, CertificateError as C};
    let why = match e {
        rustls::Error::InvalidCertificate(C::UnknownIssuer) => {
            "the server's certificate is not signed by the given CA (unknown CA)"
        }
        rustls::Error::InvalidCertificate(C::NotValidForName)
        | rustls::Error::InvalidCertificate(C::NotValidForNameContext { .. }) => {
            "the server's certificate does not match the server name (name mismatch)"
        }
        rustls::Error::InvalidCertificate(C::Expired)
        | rustls::Error::InvalidCertificate(C::ExpiredContext { .. }) => {
            "the server's certificate has expired"
        }
        rustls::Error::AlertReceived(A::CertificateRequired)
        | rustls::Error::AlertReceived(A::BadCertificate)
        | rustls::Error::AlertReceived(A::UnknownCA)
        | rustls::Error::AlertReceived(A::HandshakeFailure) => {
            "the server rejected the client certificate (missing, or not signed by a CA it trusts)"
        }
        rustls::Error::InvalidMessage(_) | rustls::Error::InappropriateMessage { .. } => {
            "the server did not answer with TLS (is it a plain tcp engine?)"
        }
        _ => "TLS handshake failed",
    };
    format!("{why}: {e}")
}

/// Accepts any server certificate: only when verification is explicitly turned off.
#[derive(Debug)]
struct NoVerify(Arc<CryptoProvider>);

impl ServerCertVerifier for NoVerify {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> std::result::Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

/// A TLS stream over TCP.
pub type TlsTcp = tokio_rustls::client::TlsStream<tokio::net::TcpStream>;

/// Open TCP (as plain tcp:// does) then TLS to `host:port`.
pub async fn connect(tls: &Tls, host: &str, port: u16) -> std::io::Result<TlsTcp> {
    let tcp = super::tcp::connect(host, port).await?;
    tls.connector.connect(tls.server_name.clone(), tcp).await
}

/// Whether `p` exists as a file.
pub fn existing(p: PathBuf) -> Option<PathBuf> {
    p.is_file().then_some(p)
}

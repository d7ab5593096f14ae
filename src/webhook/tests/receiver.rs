//! A tiny HTTP/1.1 receiver on a random port (plain, or TLS with a
//! self-signed certificate): records each request, answers from a script,
//! and can hold its answers (a slow endpoint).

use std::sync::{Arc, Mutex};

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::sync::Semaphore;

/// One request: headers as (lower-case name, value), and the body.
#[derive(Debug, Clone)]
pub struct Call {
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Call {
    pub fn header(&self, name: &str) -> &str {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or("")
    }
}

#[derive(Clone)]
pub struct Received {
    pub calls: Arc<Mutex<Vec<Call>>>,
    /// Answers to give, in order (status, extra header line); 200 once used up.
    pub script: Arc<Mutex<Vec<(u16, String)>>>,
    /// When set, each answer waits for a permit (a slow endpoint).
    pub gate: Option<Arc<Semaphore>>,
}

impl Received {
    pub fn new() -> Received {
        Received {
            calls: Arc::default(),
            script: Arc::default(),
            gate: None,
        }
    }
    /// A receiver that answers only as `release` lets it.
    pub fn held() -> Received {
        Received {
            gate: Some(Arc::new(Semaphore::new(0))),
            ..Received::new()
        }
    }
    pub fn answer(&self, status: u16, header: &str) {
        self.script
            .lock()
            .unwrap()
            .push((status, header.to_owned()));
    }
    pub fn release(&self, answers: usize) {
        if let Some(g) = &self.gate {
            g.add_permits(answers);
        }
    }
    pub fn calls(&self) -> Vec<Call> {
        self.calls.lock().unwrap().clone()
    }
}

async fn serve<S: AsyncRead + AsyncWrite + Unpin>(mut sock: S, r: Received) {
    let mut buf = vec![];
    let mut chunk = [0u8; 4096];
    let (head, body) = loop {
        let n = sock.read(&mut chunk).await.unwrap_or(0);
        if n == 0 {
            return;
        }
        buf.extend_from_slice(&chunk[..n]);
        let text = String::from_utf8_lossy(&buf).to_string();
        if let Some((head, body)) = text.split_once("\r\n\r\n") {
            let len = head
                .lines()
                .find_map(|l| {
                    l.to_ascii_lowercase()
                        .strip_prefix("content-length:")
                        .map(|v| v.trim().parse::<usize>().unwrap_or(0))
                })
                .unwrap_or(0);
            if body.len() >= len {
                break (head.to_owned(), body[..len].to_owned());
            }
        }
    };
    let headers = head
        .lines()
        .skip(1)
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    r.calls.lock().unwrap().push(Call { headers, body });
    if let Some(g) = &r.gate {
        g.acquire().await.unwrap().forget();
    }
    let (status, extra) = {
        let mut s = r.script.lock().unwrap();
        if s.is_empty() {
            (200, String::new())
        } else {
            s.remove(0)
        }
    };
    let extra = if extra.is_empty() {
        extra
    } else {
        format!("{extra}\r\n")
    };
    let reply =
        format!("HTTP/1.1 {status} X\r\n{extra}content-length: 0\r\nconnection: close\r\n\r\n");
    let _ = sock.write_all(reply.as_bytes()).await;
    let _ = sock.shutdown().await;
}

/// Starts a plain receiver; returns its URL `http://127.0.0.1:<port>/hook`.
pub async fn start(r: Received) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((sock, _)) = listener.accept().await {
            tokio::spawn(serve(sock, r.clone()));
        }
    });
    format!("http://{addr}/hook")
}

/// Starts a TLS receiver on 127.0.0.1 with a self-signed certificate for
/// `name`; returns its port and the certificate (PEM) to trust.
pub async fn start_tls(r: Received, name: &str) -> (u16, Vec<u8>) {
    use tokio_rustls::rustls::{self, pki_types::PrivateKeyDer};
    let cert = rcgen::generate_simple_self_signed(vec![name.to_owned()]).unwrap();
    let pem = cert.cert.pem().into_bytes();
    let key = PrivateKeyDer::Pkcs8(cert.signing_key.serialize_der().into());
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_no_client_auth()
    .with_single_cert(vec![cert.cert.der().clone()], key)
    .unwrap();
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    tokio::spawn(async move {
        while let Ok((sock, _)) = listener.accept().await {
            let (acceptor, r) = (acceptor.clone(), r.clone());
            tokio::spawn(async move {
                if let Ok(tls) = acceptor.accept(sock).await {
                    serve(tls, r).await;
                }
            });
        }
    });
    (port, pem)
}

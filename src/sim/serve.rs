//! The accept loop: each connection is served by hyper's HTTP/1 connection
//! with a header-read timeout, and watched for silence.
//!
//! - Header-read timeout: from when the server waits for a request's head
//!   (a new connection, or a keep-alive one after an answer) until the head
//!   is complete; hyper then closes the connection. So a connection that
//!   sends nothing, or half a header, is closed after it.
//! - Idle timeout: a connection that moves no byte either way (a body that
//!   trickles, an answer nobody reads) for that long is shut down gracefully
//!   (an answer in progress still finishes), and dropped if it is still
//!   silent one more timeout later.
//!
//! Stopping stops accepting, shuts every connection down gracefully, and
//! drops those still open after the grace period.

use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;

use axum::Router;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;
use tokio::time::Instant;
use tokio_util::sync::CancellationToken;

/// The connection timeouts.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Timeouts {
    /// Until a request's head is complete.
    pub header: Duration,
    /// Of silence, in both directions.
    pub idle: Duration,
    /// After a stop, until open connections are dropped.
    pub grace: Duration,
}

/// Serves `app` on `listener` until `stop` is cancelled, then waits for the
/// open connections (at most `timeouts.grace`).
pub(crate) async fn serve(
    listener: TcpListener,
    app: Router,
    timeouts: Timeouts,
    stop: CancellationToken,
) {
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(timeouts.header);
    // Each connection task holds a sender; all dropped = all closed.
    let (open, mut all_closed) = mpsc::channel::<()>(1);
    loop {
        let stream = tokio::select! {
            () = stop.cancelled() => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(error) => {
                    // A connection reset before it was accepted costs
                    // nothing; anything else (out of file descriptors) is
                    // given a moment to pass, as `axum::serve` does.
                    if !matches!(
                        error.kind(),
                        io::ErrorKind::ConnectionAborted | io::ErrorKind::ConnectionReset
                    ) {
                        tokio::time::sleep(Duration::from_millis(50)).await;
                    }
                    continue;
                }
            },
        };
        // Answers are small and written whole: send them at once.
        let _ = stream.set_nodelay(true);
        let last = Arc::new(AtomicU64::new(0));
        let epoch = Instant::now();
        let io = TokioIo::new(Watched {
            stream,
            epoch,
            last: Arc::clone(&last),
        });
        let connection = builder.serve_connection(io, TowerToHyperService::new(app.clone()));
        let watch = Watch {
            epoch,
            last,
            timeouts,
            stop: stop.clone(),
        };
        tokio::spawn(watch.run(connection, open.clone()));
    }
    drop(open);
    let _ = all_closed.recv().await;
}

type Connection = http1::Connection<TokioIo<Watched>, TowerToHyperService<Router>>;

/// What watches one connection.
struct Watch {
    epoch: Instant,
    last: Arc<AtomicU64>,
    timeouts: Timeouts,
    stop: CancellationToken,
}

impl Watch {
    /// The instant of the connection's last byte read or written.
    fn last_activity(&self) -> Instant {
        self.epoch + Duration::from_millis(self.last.load(Ordering::Relaxed))
    }

    async fn run(self, connection: Connection, _open: mpsc::Sender<()>) {
        let mut connection = std::pin::pin!(connection);
        let mut closing = false;
        let mut stopped_at: Option<Instant> = None;
        loop {
            let idle_until = self.last_activity() + self.timeouts.idle;
            let deadline = match stopped_at {
                Some(at) => idle_until.min(at + self.timeouts.grace),
                None => idle_until,
            };
            tokio::select! {
                _ = connection.as_mut() => return,
                () = self.stop.cancelled(), if stopped_at.is_none() => {
                    stopped_at = Some(Instant::now());
                    if !closing {
                        connection.as_mut().graceful_shutdown();
                        closing = true;
                    }
                }
                () = tokio::time::sleep_until(deadline) => {
                    let now = Instant::now();
                    if stopped_at.is_some_and(|at| now >= at + self.timeouts.grace) {
                        return;
                    }
                    if self.last_activity() + self.timeouts.idle > now {
                        continue;
                    }
                    if closing {
                        // Silent through a graceful shutdown too: drop it.
                        return;
                    }
                    connection.as_mut().graceful_shutdown();
                    closing = true;
                    // Count the next timeout from now.
                    self.touch(now);
                }
            }
        }
    }

    fn touch(&self, now: Instant) {
        let millis = now.duration_since(self.epoch).as_millis();
        self.last
            .store(u64::try_from(millis).unwrap_or(u64::MAX), Ordering::Relaxed);
    }
}

/// A TCP stream that records when it last moved a byte.
struct Watched {
    stream: TcpStream,
    epoch: Instant,
    last: Arc<AtomicU64>,
}

impl Watched {
    fn touch(&self) {
        let millis = self.epoch.elapsed().as_millis();
        self.last
            .store(u64::try_from(millis).unwrap_or(u64::MAX), Ordering::Relaxed);
    }
}

impl AsyncRead for Watched {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let before = buf.filled().len();
        let polled = Pin::new(&mut this.stream).poll_read(cx, buf);
        if buf.filled().len() > before {
            this.touch();
        }
        polled
    }
}

impl AsyncWrite for Watched {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let polled = Pin::new(&mut this.stream).poll_write(cx, buf);
        if matches!(polled, Poll::Ready(Ok(n)) if n > 0) {
            this.touch();
        }
        polled
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let polled = Pin::new(&mut this.stream).poll_write_vectored(cx, bufs);
        if matches!(polled, Poll::Ready(Ok(n)) if n > 0) {
            this.touch();
        }
        polled
    }

    fn is_write_vectored(&self) -> bool {
        self.stream.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().stream).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().stream).poll_shutdown(cx)
    }
}

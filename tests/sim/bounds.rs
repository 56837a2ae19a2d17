//! The simulator bounds itself (issue 9, item 8): request bodies, stored
//! attributes, slow or silent connections, floods of bad logins, and bodies
//! that arrive after an early answer. Raw TCP where the wire matters.

use std::time::Duration;

use gc_attrs::sim::SimConfig;
use reqwest::StatusCode;
use serde_json::{Value, json};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::support::*;

/// A generous bound for anything the server should do "soon": no test
/// asserts a speed, only that it happens before this.
const SOON: Duration = Duration::from_secs(20);

/// Reads until the peer closes (or fails); `true` if it did within [`SOON`].
async fn closed_by_server(stream: &mut (impl AsyncRead + Unpin)) -> bool {
    let mut sink = [0u8; 4096];
    tokio::time::timeout(SOON, async {
        loop {
            match stream.read(&mut sink).await {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
        }
    })
    .await
    .is_ok()
}

/// Reads one HTTP/1.1 response (head and `Content-Length` body); `None`
/// when the connection ends first.
async fn read_response(
    stream: &mut (impl AsyncRead + Unpin),
    buffer: &mut Vec<u8>,
) -> Option<(u16, String)> {
    let mut chunk = [0u8; 8192];
    let head_end = loop {
        if let Some(at) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
            break at + 4;
        }
        match stream.read(&mut chunk).await {
            Ok(0) | Err(_) => return None,
            Ok(n) => buffer.extend_from_slice(&chunk[..n]),
        }
    };
    let head = String::from_utf8_lossy(&buffer[..head_end]).to_string();
    let status: u16 = head.split(' ').nth(1)?.parse().ok()?;
    let length: usize = head
        .lines()
        .find_map(|l| {
            let (name, value) = l.split_once(':')?;
            name.eq_ignore_ascii_case("content-length")
                .then(|| value.trim().parse().ok())?
        })
        .unwrap_or(0);
    while buffer.len() < head_end + length {
        match stream.read(&mut chunk).await {
            Ok(0) | Err(_) => return None,
            Ok(n) => buffer.extend_from_slice(&chunk[..n]),
        }
    }
    let body = String::from_utf8_lossy(&buffer[head_end..head_end + length]).to_string();
    buffer.drain(..head_end + length);
    Some((status, body))
}

#[tokio::test]
async fn a_body_over_the_limit_is_413_naming_the_limit() {
    let h = Harness::start(SimConfig {
        max_request_body: 4096,
        ..config()
    })
    .await;
    let path = attributes_path(CALL, CALL_CUSTOMER);
    let fits = json!({"attributes": {"note": "x".repeat(4000)}});
    assert!(fits.to_string().len() <= 4096);
    assert_eq!(h.patch(&path, &fits).await.status(), StatusCode::ACCEPTED);
    let over = json!({"attributes": {"note": "x".repeat(5000)}});
    let error = expect_error(h.patch(&path, &over).await, 413, "bad.request").await;
    assert_eq!(error.message_params.unwrap()["limit"], "4096");
    assert!(error.message.unwrap().contains("4096 bytes"));
    // The token endpoint too, and a body sent in chunks without a length.
    let answer = h
        .http
        .post(h.url("/oauth/token"))
        .basic_auth("demo-client", Some("demo-secret"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!(
            "grant_type=client_credentials&pad={}",
            "p".repeat(8192)
        ))
        .send()
        .await
        .unwrap();
    expect_error(answer, 413, "bad.request").await;
    let mut stream = TcpStream::connect(h.sim.local_addr()).await.unwrap();
    let chunk = format!("800\r\n{}\r\n", " ".repeat(0x800));
    let request = format!(
        "PATCH {path} HTTP/1.1\r\nHost: sim\r\nAuthorization: Bearer {}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n{}0\r\n\r\n",
        h.token,
        chunk.repeat(4)
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    let (status, text) = read_response(&mut stream, &mut Vec::new()).await.unwrap();
    assert_eq!(status, 413, "{text}");
    assert!(text.contains("4096"), "{text}");
}

#[tokio::test]
async fn attributes_past_the_stored_cap_are_refused_and_nothing_is_stored() {
    let h = Harness::start(SimConfig {
        max_stored_attributes: 2048,
        ..config()
    })
    .await;
    let path = attributes_path(CALL, CALL_CUSTOMER);
    let before = h.attributes(CALL, CALL_CUSTOMER).await;
    let first = json!({"attributes": {"first": "a".repeat(1000)}});
    assert_eq!(h.patch(&path, &first).await.status(), StatusCode::ACCEPTED);
    // Twenty such PATCHes would grow the map without bound; the second
    // already passes the cap, and is refused whole.
    let second = json!({"attributes": {"second": "b".repeat(1100), "small": "s"}});
    let error = expect_error(h.patch(&path, &second).await, 400, "bad.request").await;
    let params = error.message_params.unwrap();
    assert_eq!(params["limit"], "2048");
    assert!(params["size"].parse::<usize>().unwrap() > 2048);
    let after = h.attributes(CALL, CALL_CUSTOMER).await;
    assert!(after.get("second").is_none() && after.get("small").is_none());
    let mut expected = before.as_object().cloned().unwrap_or_default();
    expected.insert("first".into(), Value::String("a".repeat(1000)));
    assert_eq!(after, Value::Object(expected));
    // Overwriting a value counts its new length only.
    let again = json!({"attributes": {"first": "c".repeat(1000)}});
    assert_eq!(h.patch(&path, &again).await.status(), StatusCode::ACCEPTED);
    // The secure attributes have the same cap; a refused write keeps the version.
    let secure = format!("/api/v2/conversations/{CALL}/secureattributes");
    let version = |body: Value| body["version"].as_i64().unwrap();
    let start = version(h.get(&secure).await.json().await.unwrap());
    let big = json!({"attributes": {"pin": "9".repeat(3000)}});
    let answer = h.put(&secure, &big).await;
    expect_error(answer, 400, "bad.request").await;
    let answer = h
        .send(
            reqwest::Method::PATCH,
            &secure,
            Some("application/json"),
            &big.to_string(),
        )
        .await;
    expect_error(answer, 400, "bad.request").await;
    assert_eq!(version(h.get(&secure).await.json().await.unwrap()), start);
}

#[tokio::test]
async fn silent_connections_are_closed_and_a_fresh_client_is_still_answered() {
    let h = Harness::start(SimConfig {
        header_timeout: Duration::from_millis(300),
        idle_timeout: Duration::from_millis(300),
        ..config()
    })
    .await;
    let mut idle = Vec::new();
    for _ in 0..300 {
        idle.push(TcpStream::connect(h.sim.local_addr()).await.unwrap());
    }
    let fresh = reqwest::Client::builder().timeout(SOON).build().unwrap();
    let answer = fresh
        .get(h.url(&format!("/api/v2/conversations/{CALL}")))
        .bearer_auth(&h.token)
        .send()
        .await
        .expect("a fresh client is answered");
    assert_eq!(answer.status(), StatusCode::OK);
    for (n, stream) in idle.iter_mut().enumerate() {
        assert!(
            closed_by_server(stream).await,
            "idle connection {n} still open"
        );
    }
}

#[tokio::test]
async fn half_a_header_is_closed_after_the_header_timeout() {
    let h = Harness::start(SimConfig {
        header_timeout: Duration::from_millis(300),
        ..config()
    })
    .await;
    let mut stream = TcpStream::connect(h.sim.local_addr()).await.unwrap();
    stream
        .write_all(b"GET /api/v2/conversations/x HTTP/1.1\r\nHost: sim\r\nAuthoriz")
        .await
        .unwrap();
    assert!(closed_by_server(&mut stream).await, "still open");
}

#[tokio::test]
async fn a_body_that_stops_arriving_is_closed_after_the_idle_timeout() {
    // The head is complete, so only the idle timeout can end this one.
    let h = Harness::start(SimConfig {
        idle_timeout: Duration::from_millis(300),
        ..config()
    })
    .await;
    let mut stream = TcpStream::connect(h.sim.local_addr()).await.unwrap();
    let head = format!(
        "PATCH {} HTTP/1.1\r\nHost: sim\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{{\"attri",
        attributes_path(CALL, CALL_CUSTOMER)
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    assert!(closed_by_server(&mut stream).await, "still open");
}

#[tokio::test]
async fn a_flood_of_bad_logins_locks_out_neither_logins_nor_calls() {
    let h = Harness::start(SimConfig {
        rate_limit: 5,
        ..config()
    })
    .await;
    let base = h.sim.base_url();
    let mut throttled = false;
    for _ in 0..10 {
        let answer =
            token_request(&h.http, &base, "demo-client", "guess", "client_credentials").await;
        if answer.status() == StatusCode::TOO_MANY_REQUESTS {
            throttled = true;
            break;
        }
        assert_eq!(answer.status(), StatusCode::UNAUTHORIZED);
    }
    assert!(throttled, "bad logins are rate limited");
    // No credentials at all count in the same bucket.
    let answer = h
        .http
        .post(format!("{base}/oauth/token"))
        .form(&[("grant_type", "client_credentials")])
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), StatusCode::TOO_MANY_REQUESTS);
    // The client still logs in, and its token works.
    let answer = token_request(
        &h.http,
        &base,
        "demo-client",
        "demo-secret",
        "client_credentials",
    )
    .await;
    assert_eq!(answer.status(), StatusCode::OK);
    let token: Value = answer.json().await.unwrap();
    let token = token["access_token"].as_str().unwrap().to_owned();
    let answer = h
        .http
        .get(h.url(&format!("/api/v2/conversations/{CALL}")))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(answer.status(), StatusCode::OK);
    // And requests with no bearer are counted apart from bad logins as well.
    let answer = h.http.get(h.url("/nowhere")).send().await.unwrap();
    assert_eq!(answer.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn early_answers_read_the_body_so_the_connection_survives() {
    // Each request is answered 401 (no bearer) before its body would be
    // needed; the server must still read the body, or the connection breaks.
    let h = Harness::start(config()).await;
    let stream = TcpStream::connect(h.sim.local_addr()).await.unwrap();
    let body = format!(r#"{{"attributes":{{"pad":"{}"}}}}"#, "x".repeat(512 * 1024));
    let request = format!(
        "PATCH {} HTTP/1.1\r\nHost: sim\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        attributes_path(CALL, CALL_CUSTOMER),
        body.len()
    );
    let (mut reader, mut writer) = stream.into_split();
    let mut buffer = Vec::new();
    for n in 0..20 {
        let write = async {
            // A failed write shows as a missing answer below.
            let _ = writer.write_all(request.as_bytes()).await;
        };
        let read = tokio::time::timeout(SOON, read_response(&mut reader, &mut buffer));
        let ((), answer) = tokio::join!(write, read);
        let answer = answer.expect("an answer in time");
        let (status, text) = answer.unwrap_or_else(|| panic!("request {n}: connection ended"));
        assert_eq!(status, 401, "request {n}: {text}");
        assert!(text.contains("authentication.required"), "{text}");
    }
}

//! Simulator throughput on loopback: PATCH participant attributes against the
//! simulator, and the same load against a minimal axum handler as the ceiling.
//! The load generator is bounded: batches of 64 requests, 8 in flight at a
//! time, over keep-alive connections of one reqwest client.

use std::sync::Arc;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use gc_attrs::genesys::{Route, RouteKind, Verb};
use gc_attrs::sim::{self, SimConfig};
use tokio::runtime::Runtime;

const BATCH: usize = 64;
const IN_FLIGHT: usize = 8;

struct Target {
    url: String,
    token: String,
}

/// Sends one batch of PATCH requests and checks every answer is a 202.
async fn batch(client: &reqwest::Client, target: &Arc<Target>) {
    let mut tasks = Vec::with_capacity(IN_FLIGHT);
    for worker in 0..IN_FLIGHT {
        let (client, target) = (client.clone(), Arc::clone(target));
        tasks.push(tokio::spawn(async move {
            for i in 0..BATCH / IN_FLIGHT {
                let body = format!(r#"{{"attributes":{{"bench":"{worker}-{i}"}}}}"#);
                let response = client
                    .patch(&target.url)
                    .bearer_auth(&target.token)
                    .header("Content-Type", "application/json")
                    .body(body)
                    .send()
                    .await
                    .expect("the server answers");
                assert_eq!(response.status(), 202);
                response.bytes().await.expect("a body");
            }
        }));
    }
    for task in tasks {
        task.await.expect("the worker finishes");
    }
}

async fn simulator() -> (sim::RunningSim, Target) {
    let config = SimConfig {
        rate_limit: u32::MAX,
        ..SimConfig::default()
    };
    let running = sim::start(config, "127.0.0.1:0".parse().expect("address"))
        .await
        .expect("simulator");
    let base = running.base_url();
    let answer: serde_json::Value = reqwest::Client::new()
        .post(format!("{base}/oauth/token"))
        .basic_auth(
            running.client_id(),
            Some(SimConfig::default().client_secret),
        )
        .form(&[("grant_type", "client_credentials")])
        .send()
        .await
        .expect("login")
        .json()
        .await
        .expect("token");
    let token = answer["access_token"]
        .as_str()
        .expect("access_token")
        .to_owned();
    let conversation: serde_json::Value = reqwest::Client::new()
        .get(format!(
            "{base}{}",
            Route::lookup(RouteKind::Conversation, Verb::Get, None)
                .expect("the conversation read is in the table")
                .path(&running.conversation_ids()[0], "")
        ))
        .bearer_auth(&token)
        .send()
        .await
        .expect("read")
        .json()
        .await
        .expect("conversation");
    let cid = conversation["id"].as_str().expect("id").to_owned();
    let pid = conversation["participants"][0]["id"]
        .as_str()
        .expect("participant")
        .to_owned();
    let route = Route::attributes_for(None).expect("the generic attribute route");
    let url = format!("{base}{}", route.path(&cid, &pid));
    (running, Target { url, token })
}

/// The ceiling: axum answering 202 to the same PATCH with no work at all.
async fn hello_world() -> Target {
    let app = axum::Router::new().route(
        "/attributes",
        axum::routing::patch(|| async { axum::http::StatusCode::ACCEPTED }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("address");
    tokio::spawn(async move { axum::serve(listener, app).await });
    Target {
        url: format!("http://{addr}/attributes"),
        token: "unused".into(),
    }
}

fn bench(c: &mut Criterion) {
    let runtime = Runtime::new().expect("runtime");
    let client = reqwest::Client::new();
    let (running, simulated) = runtime.block_on(simulator());
    let ceiling = runtime.block_on(hello_world());
    let (simulated, ceiling) = (Arc::new(simulated), Arc::new(ceiling));

    let mut group = c.benchmark_group("patch_loopback");
    group.throughput(Throughput::Elements(BATCH as u64));
    group.bench_function("simulator", |b| {
        b.to_async(&runtime).iter(|| batch(&client, &simulated));
    });
    group.bench_function("axum_hello_world", |b| {
        b.to_async(&runtime).iter(|| batch(&client, &ceiling));
    });
    group.finish();
    runtime.block_on(running.shutdown());
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! The floor: a bare blocking Runtime API client (one keep-alive
//! connection, no runtime, no threads) serving the tutorial example's own
//! handler. Whatever it costs per invocation beyond the handler is the
//! least any Lambda process pays: one loopback round trip for the event,
//! one for the response.

use std::future::Future;
use std::io::{BufReader, Write};
use std::net::TcpStream;
use std::task::{Context, Poll, Waker};

#[path = "../http.rs"]
mod http;

// The example exactly as shipped; its `main` goes unused here.
#[allow(dead_code)]
#[path = "../../../../examples/my_first_connect_lambda.rs"]
mod tutorial;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let api = std::env::var("AWS_LAMBDA_RUNTIME_API")?;
    let stream = TcpStream::connect(&api)?;
    stream.set_nodelay(true)?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut writer = stream;
    let handler = tutorial::my_first_connect_lambda::handler();
    let mut waker_context = Context::from_waker(Waker::noop());
    // Each message goes out in one write: one syscall, one segment.
    let next = format!("GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nHost: {api}\r\n\r\n");
    loop {
        writer.write_all(next.as_bytes())?;
        // The driver ends the session by closing the connection.
        let Some((head, event)) = http::read_message(&mut reader)? else {
            return Ok(());
        };
        let request_id = head
            .header("lambda-runtime-aws-request-id")
            .ok_or("no request id")?
            .to_owned();
        // The handler's future never waits: polled once, it is ready.
        let mut invocation = std::pin::pin!(handler.invoke(&event));
        let Poll::Ready(answer) = invocation.as_mut().poll(&mut waker_context) else {
            return Err("the handler waited".into());
        };
        let (kind, body) = match answer {
            Ok(response) => ("response", response),
            Err(error) => ("error", error.to_string().into_bytes()),
        };
        let mut message = format!(
            "POST /2018-06-01/runtime/invocation/{request_id}/{kind} HTTP/1.1\r\nHost: {api}\r\n\
             Content-Type: application/json\r\nContent-Length: {}\r\n\r\n",
            body.len()
        )
        .into_bytes();
        message.extend_from_slice(&body);
        writer.write_all(&message)?;
        if http::read_message(&mut reader)?.is_none() {
            return Ok(());
        }
    }
}

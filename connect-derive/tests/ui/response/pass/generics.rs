//! Generic responses: the bounds follow the fields.
use connect_lambda::ConnectResponse;
use std::fmt::Display;

#[derive(ConnectResponse)]
struct Labelled<'a, L, N>
where
    N: Copy,
{
    label: L,
    #[connect(display)]
    number: N,
    fixed: &'a str,
}

#[derive(ConnectResponse)]
#[connect(json)]
struct Envelope<T> {
    #[connect(nested)]
    body: T,
    count: usize,
}

#[derive(ConnectResponse)]
#[connect(json)]
struct Body {
    text: String,
}

fn keys<T: ConnectResponse>() -> Vec<String> {
    T::external_keys().into_iter().map(|key| key.key).collect()
}

fn shown<N: Display + Copy>(number: N) -> Labelled<'static, String, N> {
    Labelled { label: String::new(), number, fixed: "" }
}

fn main() {
    let _ = shown(3u8);
    assert_eq!(keys::<Labelled<String, u8>>(), ["label", "number", "fixed"]);
    assert_eq!(keys::<Envelope<Body>>(), ["body", "body.text", "count"]);
}

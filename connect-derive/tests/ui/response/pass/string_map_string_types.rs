//! Every string-like field type a STRING_MAP response accepts.
use connect_lambda::ConnectResponse;
use std::borrow::Cow;
use std::rc::Rc;
use std::sync::Arc;

#[derive(ConnectResponse)]
struct Reply<'a> {
    owned: String,
    borrowed: &'a str,
    cow: Cow<'a, str>,
    boxed: Box<str>,
    shared: Arc<str>,
    counted: Rc<str>,
    maybe: Option<String>,
    maybe_borrowed: Option<&'a str>,
    maybe_cow: std::option::Option<Cow<'static, str>>,
    #[connect(display)]
    tries: u32,
    #[connect(display)]
    score: Option<f64>,
    #[connect(skip)]
    internal: Vec<u8>,
}

fn main() {
    assert_eq!(
        <Reply as connect_lambda::ConnectResponse>::external_keys().len(),
        11
    );
}

// A tree with two versions: the macros of one connect-derive and the
// runtime of another connect-lambda, which declares its hidden module under
// its own patch version. `older_connect_lambda` stands in for that runtime.
mod older_connect_lambda {
    #[doc(hidden)]
    pub mod __private999 {}
}

#[derive(connect_lambda::ConnectResponse)]
#[connect(crate = "crate::older_connect_lambda")]
struct Reply {
    balance: String,
}

fn main() {}

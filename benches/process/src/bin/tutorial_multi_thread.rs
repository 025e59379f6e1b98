//! The tutorial example's handler served as the example was before issue
//! 12: `#[tokio::main]`, tokio's multi-thread runtime. Only `main` differs
//! from the example as shipped.

// The example exactly as shipped; its own `main` goes unused here.
#[allow(dead_code)]
#[path = "../../../../examples/my_first_connect_lambda.rs"]
mod tutorial;

#[tokio::main]
async fn main() -> Result<(), connect_lambda::Error> {
    connect_lambda::run(tutorial::my_first_connect_lambda::handler()).await
}

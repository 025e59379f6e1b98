use std::sync::Arc;

use connect_lambda::connect_handler;
include!("../support/echo.rs");

pub struct Clients {
    pub greeting: String,
}

#[connect_handler]
async fn greet(
    #[state] clients: &Clients,
    #[param] name: String,
    #[state] counter: &Arc<std::sync::atomic::AtomicU32>,
) -> Echo {
    counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    Echo { echo: format!("{} {name}", clients.greeting) }
}

fn main() {
    let handler = greet::handler(Clients { greeting: "Hello".into() }, Arc::default());
    let _copy = handler.clone();
    fn is_shareable<T: Clone + Send + Sync + 'static>(_: &T) {}
    is_shareable(&handler);
}

use connect_lambda::connect_handler;

#[connect_handler]
async fn greet(#[param] age: u32) -> Result<u32, connect_lambda::Error> {
    Ok(age)
}

fn main() {}

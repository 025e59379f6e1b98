use connect_lambda::connect_handler;
include!("../support/echo.rs");

#[connect_handler]
async fn route(
    #[contact("SegmentAttributes.connect:Subtype.ValueStrin")] subtype: Option<String>,
) -> Echo {
    Echo {
        echo: subtype.unwrap_or_default(),
    }
}

fn main() {}

use connect_lambda::connect_handler;
include!("../support/echo.rs");

#[connect_handler]
async fn greet(
    #[contact("CustomerEndpoint.Address")] phone: String,
    #[contact(path = "Queue.Name")] queue: Option<String>,
    #[contact("References.invoice.Value")] invoice: Option<String>,
    #[contact("Tags.department")] department: Option<String>,
    #[contact(path = "SegmentAttributes.connect:Subtype.ValueString")] subtype: Option<String>,
    #[contact("Tags.aws:connect:instanceId")] instance: Option<String>,
    #[contact(path = "CustomerVoiceActivity.GreetingEndTimestamp", unchecked)] greeting_end: Option<String>,
) -> Echo {
    let _ = (queue, invoice, department, subtype, instance, greeting_end);
    Echo { echo: phone }
}

fn main() {
    let _handler = greet::handler();
    assert_eq!(greet::manifest().contact_data.len(), 7);
}

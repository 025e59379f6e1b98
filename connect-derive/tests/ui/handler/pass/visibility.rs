// The module beside the function has the function's visibility, wherever
// the handler is declared.
include!("../support/echo.rs");

pub mod handlers {
    use super::Echo;
    use connect_lambda::connect_handler;

    #[connect_handler]
    pub async fn public(#[param] name: String) -> Echo {
        Echo { echo: name }
    }

    #[connect_handler]
    pub(crate) async fn in_crate(#[param] name: String) -> Echo {
        Echo { echo: name }
    }

    pub mod inner {
        use super::super::Echo;
        use connect_lambda::connect_handler;

        #[connect_handler]
        pub(super) fn to_parent(#[param] name: String) -> Echo {
            Echo { echo: name }
        }

        #[connect_handler]
        pub(in crate::handlers) fn to_path(#[param] name: String) -> Echo {
            Echo { echo: name }
        }

        #[connect_handler]
        fn private(#[param] name: String) -> Echo {
            Echo { echo: name }
        }

        pub fn use_private() {
            let _ = private::handler();
            let _ = private::manifest();
        }
    }

    pub fn use_restricted() {
        let _ = inner::to_parent::handler();
        let _ = inner::to_path::handler();
    }
}

fn main() {
    let _ = handlers::public::handler();
    let _ = handlers::in_crate::manifest();
    handlers::use_restricted();
    handlers::inner::use_private();
}

//! Checks exported Amazon Connect flows against connect-lambda manifests.

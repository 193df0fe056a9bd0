pub mod format;
pub mod numparse;
pub mod scan;

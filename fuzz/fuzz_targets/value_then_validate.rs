//! Any JSON value, validated as a StageStatus without decoding it first, and then decoded: never a
//! panic, and both agree on whether the value is valid.

#![no_main]

use libfuzzer_sys::fuzz_target;
use vsphere_types::esx::settings::clusters::software::StageStatus;

fuzz_target!(|data: &[u8]| {
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(data) else {
        return;
    };
    let validated = vsphere_types::validate_value::<StageStatus>(&value);
    let decoded = vsphere_types::from_value::<StageStatus>(value);
    assert_eq!(validated.is_ok(), decoded.is_ok());
});

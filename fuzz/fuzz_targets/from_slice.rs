//! `vsphere_types::from_slice::<StageStatus>` on arbitrary bytes: never a panic; a decoded value
//! encodes to a document that decodes and encodes to the same text (encoding drops sub-millisecond
//! digits of date-times, so the first round may change a value, the second may not); every error
//! has a JSON Pointer path.

#![no_main]

use libfuzzer_sys::fuzz_target;
use vsphere_types::esx::settings::clusters::software::StageStatus;

fuzz_target!(|data: &[u8]| {
    match vsphere_types::from_slice::<StageStatus>(data) {
        Ok(status) => {
            let encoded = serde_json::to_vec(&status).expect("a decoded value encodes");
            let again: StageStatus = vsphere_types::from_slice(&encoded).expect("and decodes again");
            assert_eq!(serde_json::to_vec(&again).expect("encodes"), encoded);
        }
        Err(errors) => {
            assert!(!errors.is_empty());
            for error in &errors {
                assert!(error.path().is_empty() || error.path().starts_with('/'));
                assert!(!error.message().is_empty());
            }
        }
    }
});

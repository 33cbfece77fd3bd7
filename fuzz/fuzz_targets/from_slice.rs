//! `vsphere_types::from_slice::<StageStatus>` on arbitrary bytes: never a panic; a decoded value
//! re-encodes to a document that decodes to the same value; every error has a JSON Pointer path.

#![no_main]

use libfuzzer_sys::fuzz_target;
use vsphere_types::esx::settings::clusters::software::StageStatus;

fuzz_target!(|data: &[u8]| {
    match vsphere_types::from_slice::<StageStatus>(data) {
        Ok(status) => {
            let encoded = serde_json::to_vec(&status).expect("a decoded value encodes");
            let again: StageStatus = vsphere_types::from_slice(&encoded).expect("and decodes again");
            assert_eq!(again, status);
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

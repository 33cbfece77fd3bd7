//! The PEER's code, not ours: `cargo typify --no-builder` 0.8.0 on the JSON Schema form of
//! `vapi.json`, verbatim. Regenerate with the commands in bench/peer/README.md.
#![allow(clippy::all, warnings)]
#![allow(clippy::redundant_closure_call)]
#![allow(clippy::needless_lifetimes)]
#![allow(clippy::match_single_binding)]
#![allow(clippy::clone_on_copy)]

#[doc = "`VapiMetadataAuthenticationAuthenticationInfo`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataAuthenticationAuthenticationInfo {
    #[doc = "String identifier of the authentication scheme. <p> Following are the supported authentication schemes by the infrastructure: <ul> <li>The identifier {@code vapi.std.security.saml_hok_token} for SAML holder of key token based authentication mechanism. </li> <li>The identifier {@code vapi.std.security.bearer_token} for SAML bearer token based authentication mechanism. </li> <li>The identifier {@code vapi.std.security.session_id} for session based authentication mechanism. </li> <li>The identifier {@code vapi.std.security.user_pass} for username and password based authentication mechanism. </li> </ul>"]
    pub scheme: ::std::string::String,
    #[doc = "The type of the authentication scheme."]
    pub scheme_type: VapiMetadataAuthenticationAuthenticationInfoSchemeType,
    #[doc = "In a session aware authentication scheme, a session manager is required that supports {@code create}, {@code delete} and {@code keepAlive} {@term operations}. The fully qualified {@term service} name of the session manager is provided in {@link AuthenticationInfo#sessionManager} {@term field}. This {@term service} is responsible for handling sessions."]
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub session_manager: ::std::option::Option<::std::string::String>,
}
#[doc = "The {@name SchemeType} {@term enumerated type} provides {@term enumeration values} for the set of valid authentication scheme types."]
#[derive(
    :: serde :: Deserialize,
    :: serde :: Serialize,
    Clone,
    Copy,
    Debug,
    Eq,
    Hash,
    Ord,
    PartialEq,
    PartialOrd,
)]
pub enum VapiMetadataAuthenticationAuthenticationInfoSchemeType {
    #[serde(rename = "SESSIONLESS")]
    Sessionless,
    #[serde(rename = "SESSION_AWARE")]
    SessionAware,
}
impl ::std::fmt::Display for VapiMetadataAuthenticationAuthenticationInfoSchemeType {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        match *self {
            Self::Sessionless => f.write_str("SESSIONLESS"),
            Self::SessionAware => f.write_str("SESSION_AWARE"),
        }
    }
}
impl ::std::str::FromStr for VapiMetadataAuthenticationAuthenticationInfoSchemeType {
    type Err = self::error::ConversionError;
    fn from_str(value: &str) -> ::std::result::Result<Self, self::error::ConversionError> {
        match value {
            "SESSIONLESS" => Ok(Self::Sessionless),
            "SESSION_AWARE" => Ok(Self::SessionAware),
            _ => Err("invalid value".into()),
        }
    }
}
impl ::std::convert::TryFrom<&str> for VapiMetadataAuthenticationAuthenticationInfoSchemeType {
    type Error = self::error::ConversionError;
    fn try_from(value: &str) -> ::std::result::Result<Self, self::error::ConversionError> {
        value.parse()
    }
}
impl ::std::convert::TryFrom<::std::string::String>
    for VapiMetadataAuthenticationAuthenticationInfoSchemeType
{
    type Error = self::error::ConversionError;
    fn try_from(
        value: ::std::string::String,
    ) -> ::std::result::Result<Self, self::error::ConversionError> {
        value.parse()
    }
}
#[doc = "`VapiMetadataAuthenticationComponentData`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataAuthenticationComponentData {
    #[doc = "Fingerprint of the metadata of the component. <p> Authentication information could change when there is an infrastructure update. Since the data present in {@link ComponentData#info} could be quite large, {@name #fingerprint} provides a convenient way to check if the data for a particular component is updated. <p> You should store the fingerprint associated with a component. After an update, by invoking the {@link vapi.metadata.authentication.Component#fingerprint} {@term operation}, you can retrieve the new fingerprint for the component. If the new fingerprint and the previously stored fingerprint do not match, clients can then use the {@link vapi.metadata.authentication.Component#get} to retrieve the new authentication information for the component."]
    pub fingerprint: ::std::string::String,
    #[doc = "Authentication information of the component. This includes information about all the {@term packages} in the component."]
    pub info: VapiMetadataAuthenticationComponentInfo,
}
#[doc = "`VapiMetadataAuthenticationComponentFingerprintResp`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataAuthenticationComponentFingerprintResp {
    pub value: ::std::string::String,
}
#[doc = "`VapiMetadataAuthenticationComponentInfo`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataAuthenticationComponentInfo {
    #[doc = "Authentication information of all the package elements. The key in the {@term map} is the identifier of the package element and the value in the {@term map} is the authentication information for the package element. <p> For an explanation of authentication information containment within package elements, see {@link vapi.metadata.authentication.Package}."]
    pub packages: ::std::vec::Vec<VapiMetadataAuthenticationComponentInfoPackagesItem>,
}
#[doc = "`VapiMetadataAuthenticationComponentInfoPackagesItem`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug, Default)]
pub struct VapiMetadataAuthenticationComponentInfoPackagesItem {
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub key: ::std::option::Option<::std::string::String>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub value: ::std::option::Option<VapiMetadataAuthenticationPackageInfo>,
}
#[doc = "`VapiMetadataAuthenticationComponentListResp`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataAuthenticationComponentListResp {
    pub value: ::std::vec::Vec<::std::string::String>,
}
#[doc = "`VapiMetadataAuthenticationComponentResp`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataAuthenticationComponentResp {
    pub value: VapiMetadataAuthenticationComponentData,
}
#[doc = "`VapiMetadataAuthenticationOperationInfo`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataAuthenticationOperationInfo {
    #[doc = "List of authentication schemes used by an operation element. The authentication scheme specified on the service element corresponding to this operation element is ignored."]
    pub schemes: ::std::vec::Vec<VapiMetadataAuthenticationAuthenticationInfo>,
}
#[doc = "`VapiMetadataAuthenticationPackageInfo`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataAuthenticationPackageInfo {
    #[doc = "List of authentication schemes to be used for all the operation elements contained in this package element. If a particular service or operation element has no explicit authentications defined in the authentication defintion file, these authentication schemes are used for authenticating the user."]
    pub schemes: ::std::vec::Vec<VapiMetadataAuthenticationAuthenticationInfo>,
    #[doc = "Information about all service elements contained in this package element that contain authentication information. The key in the {@term map} is the identifier of the service element and the value in the {@term map} is the authentication information for the service element. <p> For an explanation of authentication information containment within service elements, see {@link vapi.metadata.authentication.Service}."]
    pub services: ::std::vec::Vec<VapiMetadataAuthenticationPackageInfoServicesItem>,
}
#[doc = "`VapiMetadataAuthenticationPackageInfoServicesItem`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug, Default)]
pub struct VapiMetadataAuthenticationPackageInfoServicesItem {
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub key: ::std::option::Option<::std::string::String>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub value: ::std::option::Option<VapiMetadataAuthenticationServiceInfo>,
}
#[doc = "`VapiMetadataAuthenticationPackageListResp`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataAuthenticationPackageListResp {
    pub value: ::std::vec::Vec<::std::string::String>,
}
#[doc = "`VapiMetadataAuthenticationPackageResp`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataAuthenticationPackageResp {
    pub value: VapiMetadataAuthenticationPackageInfo,
}
#[doc = "`VapiMetadataAuthenticationServiceInfo`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataAuthenticationServiceInfo {
    #[doc = "Information about all operation elements contained in this service element that contain authentication information. The key in the {@term map} is the identifier of the operation element and the value in the {@term map} is the authentication information for the operation element. <p> For an explanation of containment of authentication information within operation elements, see {@link vapi.metadata.authentication.service.Operation}."]
    pub operations: ::std::vec::Vec<VapiMetadataAuthenticationServiceInfoOperationsItem>,
    #[doc = "List of authentication schemes to be used for all the operation elements contained in this service element. The authentication scheme specified on the package element corresponding to this service element is ignored."]
    pub schemes: ::std::vec::Vec<VapiMetadataAuthenticationAuthenticationInfo>,
}
#[doc = "`VapiMetadataAuthenticationServiceInfoOperationsItem`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug, Default)]
pub struct VapiMetadataAuthenticationServiceInfoOperationsItem {
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub key: ::std::option::Option<::std::string::String>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub value: ::std::option::Option<VapiMetadataAuthenticationOperationInfo>,
}
#[doc = "`VapiMetadataAuthenticationServiceListResp`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataAuthenticationServiceListResp {
    pub value: ::std::vec::Vec<::std::string::String>,
}
#[doc = "`VapiMetadataAuthenticationServiceOperationGet`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug, Default)]
pub struct VapiMetadataAuthenticationServiceOperationGet {
    #[doc = "Identifier of the operation element."]
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub operation_id: ::std::option::Option<::std::string::String>,
}
#[doc = "`VapiMetadataAuthenticationServiceOperationListResp`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataAuthenticationServiceOperationListResp {
    pub value: ::std::vec::Vec<::std::string::String>,
}
#[doc = "`VapiMetadataAuthenticationServiceOperationResp`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataAuthenticationServiceOperationResp {
    pub value: VapiMetadataAuthenticationOperationInfo,
}
#[doc = "`VapiMetadataAuthenticationServiceResp`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataAuthenticationServiceResp {
    pub value: VapiMetadataAuthenticationServiceInfo,
}
#[doc = "`VapiMetadataCliCommandFingerprintResp`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataCliCommandFingerprintResp {
    pub value: ::std::string::String,
}
#[doc = "The {@name FormatterType} {@term enumerated type} defines supported CLI output formatter types. See {@link Info#formatter}."]
#[derive(
    :: serde :: Deserialize,
    :: serde :: Serialize,
    Clone,
    Copy,
    Debug,
    Eq,
    Hash,
    Ord,
    PartialEq,
    PartialOrd,
)]
pub enum VapiMetadataCliCommandFormatterType {
    #[serde(rename = "SIMPLE")]
    Simple,
    #[serde(rename = "TABLE")]
    Table,
    #[serde(rename = "JSON")]
    Json,
    #[serde(rename = "XML")]
    Xml,
    #[serde(rename = "CSV")]
    Csv,
    #[serde(rename = "HTML")]
    Html,
}
impl ::std::fmt::Display for VapiMetadataCliCommandFormatterType {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        match *self {
            Self::Simple => f.write_str("SIMPLE"),
            Self::Table => f.write_str("TABLE"),
            Self::Json => f.write_str("JSON"),
            Self::Xml => f.write_str("XML"),
            Self::Csv => f.write_str("CSV"),
            Self::Html => f.write_str("HTML"),
        }
    }
}
impl ::std::str::FromStr for VapiMetadataCliCommandFormatterType {
    type Err = self::error::ConversionError;
    fn from_str(value: &str) -> ::std::result::Result<Self, self::error::ConversionError> {
        match value {
            "SIMPLE" => Ok(Self::Simple),
            "TABLE" => Ok(Self::Table),
            "JSON" => Ok(Self::Json),
            "XML" => Ok(Self::Xml),
            "CSV" => Ok(Self::Csv),
            "HTML" => Ok(Self::Html),
            _ => Err("invalid value".into()),
        }
    }
}
impl ::std::convert::TryFrom<&str> for VapiMetadataCliCommandFormatterType {
    type Error = self::error::ConversionError;
    fn try_from(value: &str) -> ::std::result::Result<Self, self::error::ConversionError> {
        value.parse()
    }
}
impl ::std::convert::TryFrom<::std::string::String> for VapiMetadataCliCommandFormatterType {
    type Error = self::error::ConversionError;
    fn try_from(
        value: ::std::string::String,
    ) -> ::std::result::Result<Self, self::error::ConversionError> {
        value.parse()
    }
}
#[doc = "The {@name GenericType} {@term enumerated type} defines generic types supported by {@name Command} {@term service}. See {@link OptionInfo#generic}."]
#[derive(
    :: serde :: Deserialize,
    :: serde :: Serialize,
    Clone,
    Copy,
    Debug,
    Eq,
    Hash,
    Ord,
    PartialEq,
    PartialOrd,
)]
pub enum VapiMetadataCliCommandGenericType {
    #[serde(rename = "NONE")]
    None,
    #[serde(rename = "OPTIONAL")]
    Optional,
    #[serde(rename = "LIST")]
    List,
    #[serde(rename = "OPTIONAL_LIST")]
    OptionalList,
    #[serde(rename = "LIST_OPTIONAL")]
    ListOptional,
}
impl ::std::fmt::Display for VapiMetadataCliCommandGenericType {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        match *self {
            Self::None => f.write_str("NONE"),
            Self::Optional => f.write_str("OPTIONAL"),
            Self::List => f.write_str("LIST"),
            Self::OptionalList => f.write_str("OPTIONAL_LIST"),
            Self::ListOptional => f.write_str("LIST_OPTIONAL"),
        }
    }
}
impl ::std::str::FromStr for VapiMetadataCliCommandGenericType {
    type Err = self::error::ConversionError;
    fn from_str(value: &str) -> ::std::result::Result<Self, self::error::ConversionError> {
        match value {
            "NONE" => Ok(Self::None),
            "OPTIONAL" => Ok(Self::Optional),
            "LIST" => Ok(Self::List),
            "OPTIONAL_LIST" => Ok(Self::OptionalList),
            "LIST_OPTIONAL" => Ok(Self::ListOptional),
            _ => Err("invalid value".into()),
        }
    }
}
impl ::std::convert::TryFrom<&str> for VapiMetadataCliCommandGenericType {
    type Error = self::error::ConversionError;
    fn try_from(value: &str) -> ::std::result::Result<Self, self::error::ConversionError> {
        value.parse()
    }
}
impl ::std::convert::TryFrom<::std::string::String> for VapiMetadataCliCommandGenericType {
    type Error = self::error::ConversionError;
    fn try_from(
        value: ::std::string::String,
    ) -> ::std::result::Result<Self, self::error::ConversionError> {
        value.parse()
    }
}
#[doc = "`VapiMetadataCliCommandGet`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug, Default)]
pub struct VapiMetadataCliCommandGet {
    #[doc = "Identifier of the command for which to retreive information."]
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub identity: ::std::option::Option<VapiMetadataCliCommandIdentity>,
}
#[doc = "`VapiMetadataCliCommandIdentity`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataCliCommandIdentity {
    #[doc = "Name of the command."]
    pub name: ::std::string::String,
    #[doc = "The dot-separated path of the namespace containing the command in the CLI command tree."]
    pub path: ::std::string::String,
}
#[doc = "`VapiMetadataCliCommandInfo`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataCliCommandInfo {
    #[doc = "The text description displayed to the user in help output."]
    pub description: ::std::string::String,
    #[doc = "The formatter to use when displaying the output of this command."]
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub formatter: ::std::option::Option<VapiMetadataCliCommandFormatterType>,
    #[doc = "Basic command identity."]
    pub identity: VapiMetadataCliCommandIdentity,
    #[doc = "The operation identifier corresponding to this CLI command."]
    pub operation_id: ::std::string::String,
    #[doc = "The input for this command."]
    pub options: ::std::vec::Vec<VapiMetadataCliCommandOptionInfo>,
    #[doc = "List of output structure name and output field info."]
    pub output_field_list: ::std::vec::Vec<VapiMetadataCliCommandOutputInfo>,
    #[doc = "The service identifier that contains the operations for this CLI command."]
    pub service_id: ::std::string::String,
}
#[doc = "`VapiMetadataCliCommandListResp`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataCliCommandListResp {
    pub value: ::std::vec::Vec<VapiMetadataCliCommandIdentity>,
}
#[doc = "`VapiMetadataCliCommandOptionInfo`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataCliCommandOptionInfo {
    #[doc = "The description of the option to be displayed to the user when they request usage information for a CLI command."]
    pub description: ::std::string::String,
    #[doc = "The fully qualified name of the option referred to by the operation element in {@link Info#operationId}."]
    pub field_name: ::std::string::String,
    #[doc = "This is used to tell the user whether the option is required or optional, or whether they can specify the option multiple times."]
    pub generic: VapiMetadataCliCommandGenericType,
    #[doc = "The long option name of the parameter as used by the user."]
    pub long_option: ::std::string::String,
    #[doc = "The single character value option name."]
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub short_option: ::std::option::Option<::std::string::String>,
    #[doc = "The type of option. This is used to display information about what kind of data is expected (string, number, boolean, etc.) for the option when they request usage information for a CLI command. For {@term enumerated type} this stores the fully qualified {@term enumerated type} id."]
    #[serde(rename = "type")]
    pub type_: ::std::string::String,
}
#[doc = "`VapiMetadataCliCommandOutputFieldInfo`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataCliCommandOutputFieldInfo {
    #[doc = "Name used by the CLI to display the {@term field}."]
    pub display_name: ::std::string::String,
    #[doc = "Name of the {@term field}."]
    pub field_name: ::std::string::String,
}
#[doc = "`VapiMetadataCliCommandOutputInfo`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataCliCommandOutputInfo {
    #[doc = "The order in which the {@term fields} of the {@term structure} will be displayed by the CLI as well as the names used to display the {@term fields}."]
    pub output_fields: ::std::vec::Vec<VapiMetadataCliCommandOutputFieldInfo>,
    #[doc = "Name of the {@term structure}."]
    pub structure_id: ::std::string::String,
}
#[doc = "`VapiMetadataCliCommandResp`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataCliCommandResp {
    pub value: VapiMetadataCliCommandInfo,
}
#[doc = "`VapiMetadataCliNamespaceFingerprintResp`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataCliNamespaceFingerprintResp {
    pub value: ::std::string::String,
}
#[doc = "`VapiMetadataCliNamespaceGet`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug, Default)]
pub struct VapiMetadataCliNamespaceGet {
    #[doc = "Identifier of the namespace for which to retreive information."]
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub identity: ::std::option::Option<VapiMetadataCliNamespaceIdentity>,
}
#[doc = "`VapiMetadataCliNamespaceIdentity`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataCliNamespaceIdentity {
    #[doc = "The name displayed to the user for this namespace."]
    pub name: ::std::string::String,
    #[doc = "The dot-separated path of the namespace containing the namespace in the CLI node tree. For top-level namespace this will be empty."]
    pub path: ::std::string::String,
}
#[doc = "`VapiMetadataCliNamespaceInfo`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataCliNamespaceInfo {
    #[doc = "The children of this namespace in the tree of CLI namespaces."]
    pub children: ::std::vec::Vec<VapiMetadataCliNamespaceIdentity>,
    #[doc = "The text description displayed to the user in help output."]
    pub description: ::std::string::String,
    #[doc = "Basic namespace identity."]
    pub identity: VapiMetadataCliNamespaceIdentity,
}
#[doc = "`VapiMetadataCliNamespaceListResp`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataCliNamespaceListResp {
    pub value: ::std::vec::Vec<VapiMetadataCliNamespaceIdentity>,
}
#[doc = "`VapiMetadataCliNamespaceResp`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataCliNamespaceResp {
    pub value: VapiMetadataCliNamespaceInfo,
}
#[doc = "`VapiMetadataMetamodelComponentData`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataMetamodelComponentData {
    #[doc = "Fingerprint of the metamodel metadata of the component component. <p> Metamodel information could change when there is an infrastructure update and new functionality is added to an existing component. <p> Since the data present in {@link ComponentData#info} could be quite large, {@name #fingerprint} provides a convenient way to check if the data for a particular component is updated. <p> You should store the fingerprint associated with a component. After an update, by invoking the {@link vapi.metadata.metamodel.Component#fingerprint} {@term operation}, you can retrieve the new fingerprint for the component. If the new fingerprint and the previously stored fingerprint do not match, clients can use the {@link vapi.metadata.metamodel.Component#get} to retrieve the new metamodel information for the component."]
    pub fingerprint: ::std::string::String,
    #[doc = "Metamodel information of the component element. This includes information about all the package elements contained in this component element. <p> The metamodel information about a component could be quite large if there are a lot of package elements contained in this component."]
    pub info: VapiMetadataMetamodelComponentInfo,
}
#[doc = "`VapiMetadataMetamodelComponentFingerprintResp`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataMetamodelComponentFingerprintResp {
    pub value: ::std::string::String,
}
#[doc = "`VapiMetadataMetamodelComponentInfo`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataMetamodelComponentInfo {
    #[doc = "English language documentation for a component. It can contain HTML markup and documentation tags (similar to Javadoc tags). The first sentence of the package documentation is a complete sentence that identifies the component by name and summarizes the purpose of the component."]
    pub documentation: ::std::string::String,
    #[doc = "Generic metadata for the component element. The key in the {@term map} is the name of the metadata element and the value is the data associated with that metadata element. <p> The {@link vapi.metadata.metamodel.MetadataIdentifier} contains possible string values for keys in the {@term map}."]
    pub metadata: ::std::vec::Vec<VapiMetadataMetamodelComponentInfoMetadataItem>,
    #[doc = "Dot separated name of the component element. The segments in the name reflect the organization of the APIs. The format of each segment is lower case with underscores. Each underscore represents a word boundary. If there are acronyms in the word, the capitalization is preserved. This format makes it easy to translate the segment into a different naming convention."]
    pub name: ::std::string::String,
    #[doc = "Metamodel metadata information of all the package elements contained in the component element. The key in the {@term map} is the identifier of the package element and the value in the {@term map} is the metamodel information of the package element."]
    pub packages: ::std::vec::Vec<VapiMetadataMetamodelComponentInfoPackagesItem>,
}
#[doc = "`VapiMetadataMetamodelComponentInfoMetadataItem`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug, Default)]
pub struct VapiMetadataMetamodelComponentInfoMetadataItem {
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub key: ::std::option::Option<::std::string::String>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub value: ::std::option::Option<VapiMetadataMetamodelElementMap>,
}
#[doc = "`VapiMetadataMetamodelComponentInfoPackagesItem`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug, Default)]
pub struct VapiMetadataMetamodelComponentInfoPackagesItem {
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub key: ::std::option::Option<::std::string::String>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub value: ::std::option::Option<VapiMetadataMetamodelPackageInfo>,
}
#[doc = "`VapiMetadataMetamodelComponentListResp`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataMetamodelComponentListResp {
    pub value: ::std::vec::Vec<::std::string::String>,
}
#[doc = "`VapiMetadataMetamodelComponentResp`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataMetamodelComponentResp {
    pub value: VapiMetadataMetamodelComponentData,
}
#[doc = "`VapiMetadataMetamodelConstantInfo`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataMetamodelConstantInfo {
    #[doc = "English language documentation for the constant element. It can contain HTML markup and documentation tags (similar to Javadoc tags)."]
    pub documentation: ::std::string::String,
    #[doc = "Type of the constant element."]
    #[serde(rename = "type")]
    pub type_: VapiMetadataMetamodelType,
    #[doc = "Value of the constant element."]
    pub value: VapiMetadataMetamodelConstantValue,
}
#[doc = "`VapiMetadataMetamodelConstantValue`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataMetamodelConstantValue {
    #[doc = "Category of the type of constant value."]
    pub category: VapiMetadataMetamodelConstantValueCategory,
    #[doc = "List value of the constant element."]
    #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
    pub list_value: ::std::vec::Vec<VapiMetadataMetamodelPrimitiveValue>,
    #[doc = "Primitive value of the constant element."]
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub primitive_value: ::std::option::Option<VapiMetadataMetamodelPrimitiveValue>,
}
#[doc = "The {@name Category} {@term enumerated type} defines {@term enumeration values} for the valid kinds of values."]
#[derive(
    :: serde :: Deserialize,
    :: serde :: Serialize,
    Clone,
    Copy,
    Debug,
    Eq,
    Hash,
    Ord,
    PartialEq,
    PartialOrd,
)]
pub enum VapiMetadataMetamodelConstantValueCategory {
    #[serde(rename = "PRIMITIVE")]
    Primitive,
    #[serde(rename = "LIST")]
    List,
}
impl ::std::fmt::Display for VapiMetadataMetamodelConstantValueCategory {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        match *self {
            Self::Primitive => f.write_str("PRIMITIVE"),
            Self::List => f.write_str("LIST"),
        }
    }
}
impl ::std::str::FromStr for VapiMetadataMetamodelConstantValueCategory {
    type Err = self::error::ConversionError;
    fn from_str(value: &str) -> ::std::result::Result<Self, self::error::ConversionError> {
        match value {
            "PRIMITIVE" => Ok(Self::Primitive),
            "LIST" => Ok(Self::List),
            _ => Err("invalid value".into()),
        }
    }
}
impl ::std::convert::TryFrom<&str> for VapiMetadataMetamodelConstantValueCategory {
    type Error = self::error::ConversionError;
    fn try_from(value: &str) -> ::std::result::Result<Self, self::error::ConversionError> {
        value.parse()
    }
}
impl ::std::convert::TryFrom<::std::string::String> for VapiMetadataMetamodelConstantValueCategory {
    type Error = self::error::ConversionError;
    fn try_from(
        value: ::std::string::String,
    ) -> ::std::result::Result<Self, self::error::ConversionError> {
        value.parse()
    }
}
#[doc = "`VapiMetadataMetamodelElementMap`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataMetamodelElementMap {
    #[doc = "Metamodel information of the metadata elements. The key parameter of the {@term map} is the identifier for the element and the value corresponds to the element value."]
    pub elements: ::std::vec::Vec<VapiMetadataMetamodelElementMapElementsItem>,
}
#[doc = "`VapiMetadataMetamodelElementMapElementsItem`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug, Default)]
pub struct VapiMetadataMetamodelElementMapElementsItem {
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub key: ::std::option::Option<::std::string::String>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub value: ::std::option::Option<VapiMetadataMetamodelElementValue>,
}
#[doc = "`VapiMetadataMetamodelElementValue`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataMetamodelElementValue {
    #[doc = "List of strings value of the metadata element."]
    #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
    pub list_value: ::std::vec::Vec<::std::string::String>,
    #[doc = "Long value of the metadata element."]
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub long_value: ::std::option::Option<i64>,
    #[doc = "String value of the metadata element."]
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub string_value: ::std::option::Option<::std::string::String>,
    #[doc = "Identifier of the structure element."]
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub structure_id: ::std::option::Option<::std::string::String>,
    #[doc = "List of identifiers of the structure elements."]
    #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
    pub structure_ids: ::std::vec::Vec<::std::string::String>,
    #[doc = "Type of the value."]
    #[serde(rename = "type")]
    pub type_: VapiMetadataMetamodelElementValueType,
}
#[doc = "The {@name Type} {@term enumerated type} defines the valid types for values in metadata elements."]
#[derive(
    :: serde :: Deserialize,
    :: serde :: Serialize,
    Clone,
    Copy,
    Debug,
    Eq,
    Hash,
    Ord,
    PartialEq,
    PartialOrd,
)]
pub enum VapiMetadataMetamodelElementValueType {
    #[serde(rename = "LONG")]
    Long,
    #[serde(rename = "STRING")]
    String,
    #[serde(rename = "STRING_LIST")]
    StringList,
    #[serde(rename = "STRUCTURE_REFERENCE")]
    StructureReference,
    #[serde(rename = "STRUCTURE_REFERENCE_LIST")]
    StructureReferenceList,
}
impl ::std::fmt::Display for VapiMetadataMetamodelElementValueType {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        match *self {
            Self::Long => f.write_str("LONG"),
            Self::String => f.write_str("STRING"),
            Self::StringList => f.write_str("STRING_LIST"),
            Self::StructureReference => f.write_str("STRUCTURE_REFERENCE"),
            Self::StructureReferenceList => f.write_str("STRUCTURE_REFERENCE_LIST"),
        }
    }
}
impl ::std::str::FromStr for VapiMetadataMetamodelElementValueType {
    type Err = self::error::ConversionError;
    fn from_str(value: &str) -> ::std::result::Result<Self, self::error::ConversionError> {
        match value {
            "LONG" => Ok(Self::Long),
            "STRING" => Ok(Self::String),
            "STRING_LIST" => Ok(Self::StringList),
            "STRUCTURE_REFERENCE" => Ok(Self::StructureReference),
            "STRUCTURE_REFERENCE_LIST" => Ok(Self::StructureReferenceList),
            _ => Err("invalid value".into()),
        }
    }
}
impl ::std::convert::TryFrom<&str> for VapiMetadataMetamodelElementValueType {
    type Error = self::error::ConversionError;
    fn try_from(value: &str) -> ::std::result::Result<Self, self::error::ConversionError> {
        value.parse()
    }
}
impl ::std::convert::TryFrom<::std::string::String> for VapiMetadataMetamodelElementValueType {
    type Error = self::error::ConversionError;
    fn try_from(
        value: ::std::string::String,
    ) -> ::std::result::Result<Self, self::error::ConversionError> {
        value.parse()
    }
}
#[doc = "`VapiMetadataMetamodelEnumerationInfo`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataMetamodelEnumerationInfo {
    #[doc = "English language documentation for an enumeration element. It can contain HTML markup and Javadoc tags. The first sentence of the enumeration documentation is a complete sentence that identifies the enumeration by name and summarizes the purpose of the enumeration. The documentation describes the context in which the enumeration is used. <p> The documentation also contains references to the context in which the enumeration is used. But if the enumeration is used in many contexts, the references may not be present."]
    pub documentation: ::std::string::String,
    #[doc = "Generic metadata elements for an enumeration element. The key in the {@term map} is the name of the metadata element and the value is the data associated with that metadata element. <p> The {@link vapi.metadata.metamodel.MetadataIdentifier} contains possible string values for keys in the {@term map}."]
    pub metadata: ::std::vec::Vec<VapiMetadataMetamodelEnumerationInfoMetadataItem>,
    #[doc = "Dot separated name of the enumeration element. The segments in the name reflect the organization of the APIs. The format of each segment is lower case with underscores. Each underscore represents a word boundary. If there are acronyms in the word, the capitalization is preserved. This format makes it easy to translate the segment into a different naming convention."]
    pub name: ::std::string::String,
    #[doc = "Metamodel information of all the enumeration value elements contained in this enumeration element. The order of the enumeration value elements in the list is same as the order in which they are defined in the interface definition file."]
    pub values: ::std::vec::Vec<VapiMetadataMetamodelEnumerationValueInfo>,
}
#[doc = "`VapiMetadataMetamodelEnumerationInfoMetadataItem`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug, Default)]
pub struct VapiMetadataMetamodelEnumerationInfoMetadataItem {
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub key: ::std::option::Option<::std::string::String>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub value: ::std::option::Option<VapiMetadataMetamodelElementMap>,
}
#[doc = "`VapiMetadataMetamodelEnumerationListResp`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataMetamodelEnumerationListResp {
    pub value: ::std::vec::Vec<::std::string::String>,
}
#[doc = "`VapiMetadataMetamodelEnumerationResp`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataMetamodelEnumerationResp {
    pub value: VapiMetadataMetamodelEnumerationInfo,
}
#[doc = "`VapiMetadataMetamodelEnumerationValueInfo`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataMetamodelEnumerationValueInfo {
    #[doc = "English language documentation for an enumeration value. It can contain HTML markup and documentation tags (similar to Javadoc tags). The first statement will be a noun or verb phrase that describes the purpose of the enumeration value."]
    pub documentation: ::std::string::String,
    #[doc = "Additional metadata for enumeration value in the enumerated type. The key in the {@term map} is the name of the metadata element and the value is the data associated with that metadata element. <p> The {@link vapi.metadata.metamodel.MetadataIdentifier} contains possible string values for keys in the {@term map}."]
    pub metadata: ::std::vec::Vec<VapiMetadataMetamodelEnumerationValueInfoMetadataItem>,
    #[doc = "Value in the enumerated type. All the characters in the string are capitalized."]
    pub value: ::std::string::String,
}
#[doc = "`VapiMetadataMetamodelEnumerationValueInfoMetadataItem`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug, Default)]
pub struct VapiMetadataMetamodelEnumerationValueInfoMetadataItem {
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub key: ::std::option::Option<::std::string::String>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub value: ::std::option::Option<VapiMetadataMetamodelElementMap>,
}
#[doc = "`VapiMetadataMetamodelErrorInfo`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataMetamodelErrorInfo {
    #[doc = "The English language documentation for the service element. It can contain HTML markup and Javadoc tags."]
    pub documentation: ::std::string::String,
    #[doc = "Identifier for the structure element corresponding to the error that is being reported by the operation."]
    pub structure_id: ::std::string::String,
}
#[doc = "`VapiMetadataMetamodelFieldInfo`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataMetamodelFieldInfo {
    #[doc = "English language documentation for the service element. It can contain HTML markup and Javadoc tags."]
    pub documentation: ::std::string::String,
    #[doc = "Generic metadata elements for the field element. The key in the {@term map} is the name of the metadata element and the value is the data associated with that metadata element. <p> The {@link vapi.metadata.metamodel.MetadataIdentifier} contains possible string values for keys in the {@term map}."]
    pub metadata: ::std::vec::Vec<VapiMetadataMetamodelFieldInfoMetadataItem>,
    #[doc = "Name of the field element in a canonical format. The format is lower case with underscores. Each underscore represents a word boundary. If there are acronyms in the word, the capitalization is preserved. This format makes it easy to translate the segment into a different naming convention."]
    pub name: ::std::string::String,
    #[doc = "Type information."]
    #[serde(rename = "type")]
    pub type_: VapiMetadataMetamodelType,
}
#[doc = "`VapiMetadataMetamodelFieldInfoMetadataItem`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug, Default)]
pub struct VapiMetadataMetamodelFieldInfoMetadataItem {
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub key: ::std::option::Option<::std::string::String>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub value: ::std::option::Option<VapiMetadataMetamodelElementMap>,
}
#[doc = "`VapiMetadataMetamodelGenericInstantiation`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataMetamodelGenericInstantiation {
    #[doc = "Type of the element parameter if the generic type instantiation is a {@link GenericType#LIST}, {@link GenericType#OPTIONAL} or {@link GenericType#SET}."]
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub element_type: ::std::option::Option<::std::boxed::Box<VapiMetadataMetamodelType>>,
    #[doc = "The generic type that is being instantiated."]
    pub generic_type: VapiMetadataMetamodelGenericInstantiationGenericType,
    #[doc = "Type of the key parameter of the map generic type instantiation. The map generic type has a key parameter and value parameter. The type of the value parameter is described by {@link GenericInstantiation#mapValueType}.."]
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub map_key_type: ::std::option::Option<::std::boxed::Box<VapiMetadataMetamodelType>>,
    #[doc = "Type of the value parameter of the map generic type instantiation. The map generic type has a key parameter and value parameter. The type of the key parameter is described by {@link GenericInstantiation#mapKeyType}.."]
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub map_value_type: ::std::option::Option<::std::boxed::Box<VapiMetadataMetamodelType>>,
}
#[doc = "The {@name GenericType} {@term enumerated type} provides {@term enumeration values} for each of the generic types provided by the infrastructure."]
#[derive(
    :: serde :: Deserialize,
    :: serde :: Serialize,
    Clone,
    Copy,
    Debug,
    Eq,
    Hash,
    Ord,
    PartialEq,
    PartialOrd,
)]
pub enum VapiMetadataMetamodelGenericInstantiationGenericType {
    #[serde(rename = "LIST")]
    List,
    #[serde(rename = "MAP")]
    Map,
    #[serde(rename = "OPTIONAL")]
    Optional,
    #[serde(rename = "SET")]
    Set,
}
impl ::std::fmt::Display for VapiMetadataMetamodelGenericInstantiationGenericType {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        match *self {
            Self::List => f.write_str("LIST"),
            Self::Map => f.write_str("MAP"),
            Self::Optional => f.write_str("OPTIONAL"),
            Self::Set => f.write_str("SET"),
        }
    }
}
impl ::std::str::FromStr for VapiMetadataMetamodelGenericInstantiationGenericType {
    type Err = self::error::ConversionError;
    fn from_str(value: &str) -> ::std::result::Result<Self, self::error::ConversionError> {
        match value {
            "LIST" => Ok(Self::List),
            "MAP" => Ok(Self::Map),
            "OPTIONAL" => Ok(Self::Optional),
            "SET" => Ok(Self::Set),
            _ => Err("invalid value".into()),
        }
    }
}
impl ::std::convert::TryFrom<&str> for VapiMetadataMetamodelGenericInstantiationGenericType {
    type Error = self::error::ConversionError;
    fn try_from(value: &str) -> ::std::result::Result<Self, self::error::ConversionError> {
        value.parse()
    }
}
impl ::std::convert::TryFrom<::std::string::String>
    for VapiMetadataMetamodelGenericInstantiationGenericType
{
    type Error = self::error::ConversionError;
    fn try_from(
        value: ::std::string::String,
    ) -> ::std::result::Result<Self, self::error::ConversionError> {
        value.parse()
    }
}
#[doc = "`VapiMetadataMetamodelOperationInfo`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataMetamodelOperationInfo {
    #[doc = "English language documentation for the service element. It can contain HTML markup and Javadoc tags."]
    pub documentation: ::std::string::String,
    #[doc = "List of error elements that might be reported by the operation element. If the operation reports the same error for more than one reason, the list contains the error element associated with the error more than once with different documentation elements."]
    pub errors: ::std::vec::Vec<VapiMetadataMetamodelErrorInfo>,
    #[doc = "Generic metadata elements for the operation element. The key in the {@term map} is the name of the metadata element and the value is the data associated with that metadata element. <p> The {@link vapi.metadata.metamodel.MetadataIdentifier} contains possible string values for key in the {@term map}."]
    pub metadata: ::std::vec::Vec<VapiMetadataMetamodelOperationInfoMetadataItem>,
    #[doc = "Name of the operation element in a canonical format. The format is lower case with underscores. Each underscore represents a word boundary. If there are acronyms in the word, the capitalization is preserved. This format makes it easy to translate the segment into a different naming convention."]
    pub name: ::std::string::String,
    #[doc = "Metamodel type for the output element."]
    pub output: VapiMetadataMetamodelOperationResultInfo,
    #[doc = "Metamodel information for the parameter elements. The order of the parameters elements in the list is same as the order of the parameters declared in the interface definition file."]
    pub params: ::std::vec::Vec<VapiMetadataMetamodelFieldInfo>,
}
#[doc = "`VapiMetadataMetamodelOperationInfoMetadataItem`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug, Default)]
pub struct VapiMetadataMetamodelOperationInfoMetadataItem {
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub key: ::std::option::Option<::std::string::String>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub value: ::std::option::Option<VapiMetadataMetamodelElementMap>,
}
#[doc = "`VapiMetadataMetamodelOperationResultInfo`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataMetamodelOperationResultInfo {
    #[doc = "English language documentation for the operation result element. It can contain HTML markup and Javadoc tags."]
    pub documentation: ::std::string::String,
    #[doc = "Generic metadata elements for the service element. The key in the {@term map} is the name of the metadata element and the value is the data associated with that metadata element. <p> The {@link vapi.metadata.metamodel.MetadataIdentifier} contains possible string values for keys in the {@term map}."]
    pub metadata: ::std::vec::Vec<VapiMetadataMetamodelOperationResultInfoMetadataItem>,
    #[doc = "Type information of the operation result element."]
    #[serde(rename = "type")]
    pub type_: VapiMetadataMetamodelType,
}
#[doc = "`VapiMetadataMetamodelOperationResultInfoMetadataItem`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug, Default)]
pub struct VapiMetadataMetamodelOperationResultInfoMetadataItem {
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub key: ::std::option::Option<::std::string::String>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub value: ::std::option::Option<VapiMetadataMetamodelElementMap>,
}
#[doc = "`VapiMetadataMetamodelPackageInfo`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataMetamodelPackageInfo {
    #[doc = "English language documentation for a package. It can contain HTML markup and Javadoc tags. The first sentence of the package documentation is a complete sentence that identifies the package by name and summarizes the purpose of the package. <p> The primary purpose of a package documentation is to provide high-level context that will provide a framework in which the users can put the detail about the package contents."]
    pub documentation: ::std::string::String,
    #[doc = "Metamodel information of all the enumeration elements contained in the package element. The key in the {@term map} is the identifier of the enumeration element and the value in the {@term map} is the metamodel information for the enumeration element. <p> This does not include the enumeration elements that are contained in the service elements of this package element or structure elements of this package element."]
    pub enumerations: ::std::vec::Vec<VapiMetadataMetamodelPackageInfoEnumerationsItem>,
    #[doc = "Generic metadata elements for the package element. The key in the {@term map} is the name of the metadata element and the value is the data associated with that metadata element. <p> The {@link vapi.metadata.metamodel.MetadataIdentifier} contains possible string values for keys in the {@term map}."]
    pub metadata: ::std::vec::Vec<VapiMetadataMetamodelPackageInfoMetadataItem>,
    #[doc = "Dot separated name of the package element. The segments in the name reflect the organization of the APIs. The format of each segment is lower case with underscores. Each underscore represents a word boundary. If there are acronyms in the word, the capitalization is preserved. This format makes it easy to translate the segment into a different naming convention."]
    pub name: ::std::string::String,
    #[doc = "Metamodel information of all the service elements contained in the package element. The key in the {@term map} is the identifier of the service element and the value in the {@term map} is the metamodel information for the service element."]
    pub services: ::std::vec::Vec<VapiMetadataMetamodelPackageInfoServicesItem>,
    #[doc = "Metamodel information of all the structure elements contained in the package element. The key in the {@term map} is the identifier of the structure element and the value in the {@term map} is the metamodel information for the structure element. <p> This does not include the structure elements contained in the service elements that are contained in this package element."]
    pub structures: ::std::vec::Vec<VapiMetadataMetamodelPackageInfoStructuresItem>,
}
#[doc = "`VapiMetadataMetamodelPackageInfoEnumerationsItem`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug, Default)]
pub struct VapiMetadataMetamodelPackageInfoEnumerationsItem {
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub key: ::std::option::Option<::std::string::String>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub value: ::std::option::Option<VapiMetadataMetamodelEnumerationInfo>,
}
#[doc = "`VapiMetadataMetamodelPackageInfoMetadataItem`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug, Default)]
pub struct VapiMetadataMetamodelPackageInfoMetadataItem {
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub key: ::std::option::Option<::std::string::String>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub value: ::std::option::Option<VapiMetadataMetamodelElementMap>,
}
#[doc = "`VapiMetadataMetamodelPackageInfoServicesItem`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug, Default)]
pub struct VapiMetadataMetamodelPackageInfoServicesItem {
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub key: ::std::option::Option<::std::string::String>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub value: ::std::option::Option<VapiMetadataMetamodelServiceInfo>,
}
#[doc = "`VapiMetadataMetamodelPackageInfoStructuresItem`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug, Default)]
pub struct VapiMetadataMetamodelPackageInfoStructuresItem {
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub key: ::std::option::Option<::std::string::String>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub value: ::std::option::Option<VapiMetadataMetamodelStructureInfo>,
}
#[doc = "`VapiMetadataMetamodelPackageListResp`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataMetamodelPackageListResp {
    pub value: ::std::vec::Vec<::std::string::String>,
}
#[doc = "`VapiMetadataMetamodelPackageResp`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataMetamodelPackageResp {
    pub value: VapiMetadataMetamodelPackageInfo,
}
#[doc = "`VapiMetadataMetamodelPrimitiveValue`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataMetamodelPrimitiveValue {
    #[doc = "Boolean value of the constant."]
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub boolean_value: ::std::option::Option<bool>,
    #[doc = "Double value of the constant."]
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub double_value: ::std::option::Option<f64>,
    #[doc = "Long value of the constant."]
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub long_value: ::std::option::Option<i64>,
    #[doc = "String value of the constant."]
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub string_value: ::std::option::Option<::std::string::String>,
    #[doc = "Type of the constant value."]
    #[serde(rename = "type")]
    pub type_: VapiMetadataMetamodelPrimitiveValueType,
}
#[doc = "The {@name Type} {@term enumerated type} defines the valid types for values in constant elements."]
#[derive(
    :: serde :: Deserialize,
    :: serde :: Serialize,
    Clone,
    Copy,
    Debug,
    Eq,
    Hash,
    Ord,
    PartialEq,
    PartialOrd,
)]
pub enum VapiMetadataMetamodelPrimitiveValueType {
    #[serde(rename = "BOOLEAN")]
    Boolean,
    #[serde(rename = "DOUBLE")]
    Double,
    #[serde(rename = "LONG")]
    Long,
    #[serde(rename = "STRING")]
    String,
}
impl ::std::fmt::Display for VapiMetadataMetamodelPrimitiveValueType {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        match *self {
            Self::Boolean => f.write_str("BOOLEAN"),
            Self::Double => f.write_str("DOUBLE"),
            Self::Long => f.write_str("LONG"),
            Self::String => f.write_str("STRING"),
        }
    }
}
impl ::std::str::FromStr for VapiMetadataMetamodelPrimitiveValueType {
    type Err = self::error::ConversionError;
    fn from_str(value: &str) -> ::std::result::Result<Self, self::error::ConversionError> {
        match value {
            "BOOLEAN" => Ok(Self::Boolean),
            "DOUBLE" => Ok(Self::Double),
            "LONG" => Ok(Self::Long),
            "STRING" => Ok(Self::String),
            _ => Err("invalid value".into()),
        }
    }
}
impl ::std::convert::TryFrom<&str> for VapiMetadataMetamodelPrimitiveValueType {
    type Error = self::error::ConversionError;
    fn try_from(value: &str) -> ::std::result::Result<Self, self::error::ConversionError> {
        value.parse()
    }
}
impl ::std::convert::TryFrom<::std::string::String> for VapiMetadataMetamodelPrimitiveValueType {
    type Error = self::error::ConversionError;
    fn try_from(
        value: ::std::string::String,
    ) -> ::std::result::Result<Self, self::error::ConversionError> {
        value.parse()
    }
}
#[doc = "`VapiMetadataMetamodelResourceListResp`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataMetamodelResourceListResp {
    pub value: ::std::vec::Vec<::std::string::String>,
}
#[doc = "`VapiMetadataMetamodelResourceModelListResp`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataMetamodelResourceModelListResp {
    pub value: ::std::vec::Vec<::std::string::String>,
}
#[doc = "`VapiMetadataMetamodelServiceInfo`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataMetamodelServiceInfo {
    #[doc = "Metamodel information of all the constant elements contained in the service element. The key in the {@term map} is the name of the constant element and the value in the {@term map} is the metamodel information for the contant element."]
    pub constants: ::std::vec::Vec<VapiMetadataMetamodelServiceInfoConstantsItem>,
    #[doc = "English language documentation for the service element. It can contain HTML markup and Javadoc tags. The first sentence of the service documentation is a complete sentence that identifies the service by name and summarizes the purpose of the service. The remaining part of the documentation provides a summary of how to use the operations defined in the service."]
    pub documentation: ::std::string::String,
    #[doc = "Metamodel information of all the enumeration elements contained in the service element. The key in the {@term map} is the identifier of the enumeration element and the value in the {@term map} is the metamodel information for the enumeration element."]
    pub enumerations: ::std::vec::Vec<VapiMetadataMetamodelServiceInfoEnumerationsItem>,
    #[doc = "Generic metadata elements for the service element. The key in the {@term map} is the name of the metadata element and the value is the data associated with that metadata element. <p> The {@link vapi.metadata.metamodel.MetadataIdentifier} contains possible string values for keys in the {@term map}."]
    pub metadata: ::std::vec::Vec<VapiMetadataMetamodelServiceInfoMetadataItem>,
    #[doc = "Dot separated name of the service element. The segments in the name reflect the organization of the APIs. The format of each segment is lower case with underscores. Each underscore represents a word boundary. If there are acronyms in the word, the capitalization is preserved. This format makes it easy to translate the segment into a different naming convention."]
    pub name: ::std::string::String,
    #[doc = "Metamodel information of all the operation elements contained in the service element. The key in the {@term map} is the identifier of the operation element and the value in the {@term map} is the metamodel information for the operation element."]
    pub operations: ::std::vec::Vec<VapiMetadataMetamodelServiceInfoOperationsItem>,
    #[doc = "Metamodel information of all the structure elements contained in the service element. The key in the {@term map} is the identifier of the structure element and the value in the {@term map} is the metamodel information for the structure element."]
    pub structures: ::std::vec::Vec<VapiMetadataMetamodelServiceInfoStructuresItem>,
}
#[doc = "`VapiMetadataMetamodelServiceInfoConstantsItem`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug, Default)]
pub struct VapiMetadataMetamodelServiceInfoConstantsItem {
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub key: ::std::option::Option<::std::string::String>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub value: ::std::option::Option<VapiMetadataMetamodelConstantInfo>,
}
#[doc = "`VapiMetadataMetamodelServiceInfoEnumerationsItem`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug, Default)]
pub struct VapiMetadataMetamodelServiceInfoEnumerationsItem {
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub key: ::std::option::Option<::std::string::String>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub value: ::std::option::Option<VapiMetadataMetamodelEnumerationInfo>,
}
#[doc = "`VapiMetadataMetamodelServiceInfoMetadataItem`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug, Default)]
pub struct VapiMetadataMetamodelServiceInfoMetadataItem {
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub key: ::std::option::Option<::std::string::String>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub value: ::std::option::Option<VapiMetadataMetamodelElementMap>,
}
#[doc = "`VapiMetadataMetamodelServiceInfoOperationsItem`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug, Default)]
pub struct VapiMetadataMetamodelServiceInfoOperationsItem {
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub key: ::std::option::Option<::std::string::String>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub value: ::std::option::Option<VapiMetadataMetamodelOperationInfo>,
}
#[doc = "`VapiMetadataMetamodelServiceInfoStructuresItem`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug, Default)]
pub struct VapiMetadataMetamodelServiceInfoStructuresItem {
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub key: ::std::option::Option<::std::string::String>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub value: ::std::option::Option<VapiMetadataMetamodelStructureInfo>,
}
#[doc = "`VapiMetadataMetamodelServiceListResp`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataMetamodelServiceListResp {
    pub value: ::std::vec::Vec<::std::string::String>,
}
#[doc = "`VapiMetadataMetamodelServiceOperationListResp`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataMetamodelServiceOperationListResp {
    pub value: ::std::vec::Vec<::std::string::String>,
}
#[doc = "`VapiMetadataMetamodelServiceOperationResp`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataMetamodelServiceOperationResp {
    pub value: VapiMetadataMetamodelOperationInfo,
}
#[doc = "`VapiMetadataMetamodelServiceResp`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataMetamodelServiceResp {
    pub value: VapiMetadataMetamodelServiceInfo,
}
#[doc = "`VapiMetadataMetamodelStructureInfo`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataMetamodelStructureInfo {
    #[doc = "Metamodel information of all the constant elements contained in the structure element. The key in the {@term map} is the name of the constant element and the value in the {@term map} is the metamodel information for the constant element."]
    pub constants: ::std::vec::Vec<VapiMetadataMetamodelStructureInfoConstantsItem>,
    #[doc = "English language documentation for a structure element. It can contain HTML markup and Javadoc tags. The first sentence of the structure documentation is a complete sentence that identifies the structure by name and summarizes the purpose of the structure."]
    pub documentation: ::std::string::String,
    #[doc = "Metamodel information of all the enumeration elements contained in the structure element. The key in the {@term map} is the identifier of the enumeration element and the value is the metamodel information of the enumeration element."]
    pub enumerations: ::std::vec::Vec<VapiMetadataMetamodelStructureInfoEnumerationsItem>,
    #[doc = "Metamodel information of all the field elements. The order of the field elements in the list matches the order in which the fields are defined in the service."]
    pub fields: ::std::vec::Vec<VapiMetadataMetamodelFieldInfo>,
    #[doc = "Generic metadata elements for the structure element. The key in the {@term map} is the name of the metadata element and the value is the data associated with that metadata element. <p> The {@link vapi.metadata.metamodel.MetadataIdentifier} contains possible string values for keys in the {@term map}."]
    pub metadata: ::std::vec::Vec<VapiMetadataMetamodelStructureInfoMetadataItem>,
    #[doc = "Dot separated name of the structure element. The segments in the name reflect the organization of the APIs. The format of each segment is lower case with underscores. Each underscore represents a word boundary. If there are acronyms in the word, the capitalization is preserved. This format makes it easy to translate the segment into a different naming convention."]
    pub name: ::std::string::String,
    #[doc = "Type of the structure."]
    #[serde(rename = "type")]
    pub type_: VapiMetadataMetamodelStructureInfoType,
}
#[doc = "`VapiMetadataMetamodelStructureInfoConstantsItem`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug, Default)]
pub struct VapiMetadataMetamodelStructureInfoConstantsItem {
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub key: ::std::option::Option<::std::string::String>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub value: ::std::option::Option<VapiMetadataMetamodelConstantInfo>,
}
#[doc = "`VapiMetadataMetamodelStructureInfoEnumerationsItem`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug, Default)]
pub struct VapiMetadataMetamodelStructureInfoEnumerationsItem {
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub key: ::std::option::Option<::std::string::String>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub value: ::std::option::Option<VapiMetadataMetamodelEnumerationInfo>,
}
#[doc = "`VapiMetadataMetamodelStructureInfoMetadataItem`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug, Default)]
pub struct VapiMetadataMetamodelStructureInfoMetadataItem {
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub key: ::std::option::Option<::std::string::String>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub value: ::std::option::Option<VapiMetadataMetamodelElementMap>,
}
#[doc = "The {@name Type} {@term enumerated type} defines the kind of this structure element. In the interface definition language, structure element and error element have similar characteristics. The difference is that only error elements can be used to describe the {@term errors} of an operation element."]
#[derive(
    :: serde :: Deserialize,
    :: serde :: Serialize,
    Clone,
    Copy,
    Debug,
    Eq,
    Hash,
    Ord,
    PartialEq,
    PartialOrd,
)]
pub enum VapiMetadataMetamodelStructureInfoType {
    #[serde(rename = "STRUCTURE")]
    Structure,
    #[serde(rename = "ERROR")]
    Error,
}
impl ::std::fmt::Display for VapiMetadataMetamodelStructureInfoType {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        match *self {
            Self::Structure => f.write_str("STRUCTURE"),
            Self::Error => f.write_str("ERROR"),
        }
    }
}
impl ::std::str::FromStr for VapiMetadataMetamodelStructureInfoType {
    type Err = self::error::ConversionError;
    fn from_str(value: &str) -> ::std::result::Result<Self, self::error::ConversionError> {
        match value {
            "STRUCTURE" => Ok(Self::Structure),
            "ERROR" => Ok(Self::Error),
            _ => Err("invalid value".into()),
        }
    }
}
impl ::std::convert::TryFrom<&str> for VapiMetadataMetamodelStructureInfoType {
    type Error = self::error::ConversionError;
    fn try_from(value: &str) -> ::std::result::Result<Self, self::error::ConversionError> {
        value.parse()
    }
}
impl ::std::convert::TryFrom<::std::string::String> for VapiMetadataMetamodelStructureInfoType {
    type Error = self::error::ConversionError;
    fn try_from(
        value: ::std::string::String,
    ) -> ::std::result::Result<Self, self::error::ConversionError> {
        value.parse()
    }
}
#[doc = "`VapiMetadataMetamodelStructureListResp`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataMetamodelStructureListResp {
    pub value: ::std::vec::Vec<::std::string::String>,
}
#[doc = "`VapiMetadataMetamodelStructureResp`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataMetamodelStructureResp {
    pub value: VapiMetadataMetamodelStructureInfo,
}
#[doc = "`VapiMetadataMetamodelType`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataMetamodelType {
    #[doc = "Category of the built-in type."]
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub builtin_type: ::std::option::Option<VapiMetadataMetamodelTypeBuiltinType>,
    #[doc = "Category of this type."]
    pub category: VapiMetadataMetamodelTypeCategory,
    #[doc = "Instantiation of one of the generic types available in the interface definition language."]
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub generic_instantiation: ::std::option::Option<VapiMetadataMetamodelGenericInstantiation>,
    #[doc = "Identifier and type of the user defined type."]
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub user_defined_type: ::std::option::Option<VapiMetadataMetamodelUserDefinedType>,
}
#[doc = "The {@name BuiltinType} {@term enumerated type} provides {@term enumeration value} for each of the built-in types present in the interface definition language type system."]
#[derive(
    :: serde :: Deserialize,
    :: serde :: Serialize,
    Clone,
    Copy,
    Debug,
    Eq,
    Hash,
    Ord,
    PartialEq,
    PartialOrd,
)]
pub enum VapiMetadataMetamodelTypeBuiltinType {
    #[serde(rename = "VOID")]
    Void,
    #[serde(rename = "BOOLEAN")]
    Boolean,
    #[serde(rename = "LONG")]
    Long,
    #[serde(rename = "DOUBLE")]
    Double,
    #[serde(rename = "STRING")]
    String,
    #[serde(rename = "BINARY")]
    Binary,
    #[serde(rename = "SECRET")]
    Secret,
    #[serde(rename = "DATE_TIME")]
    DateTime,
    #[serde(rename = "ID")]
    Id,
    #[serde(rename = "URI")]
    Uri,
    #[serde(rename = "ANY_ERROR")]
    AnyError,
    #[serde(rename = "DYNAMIC_STRUCTURE")]
    DynamicStructure,
    #[serde(rename = "OPAQUE")]
    Opaque,
}
impl ::std::fmt::Display for VapiMetadataMetamodelTypeBuiltinType {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        match *self {
            Self::Void => f.write_str("VOID"),
            Self::Boolean => f.write_str("BOOLEAN"),
            Self::Long => f.write_str("LONG"),
            Self::Double => f.write_str("DOUBLE"),
            Self::String => f.write_str("STRING"),
            Self::Binary => f.write_str("BINARY"),
            Self::Secret => f.write_str("SECRET"),
            Self::DateTime => f.write_str("DATE_TIME"),
            Self::Id => f.write_str("ID"),
            Self::Uri => f.write_str("URI"),
            Self::AnyError => f.write_str("ANY_ERROR"),
            Self::DynamicStructure => f.write_str("DYNAMIC_STRUCTURE"),
            Self::Opaque => f.write_str("OPAQUE"),
        }
    }
}
impl ::std::str::FromStr for VapiMetadataMetamodelTypeBuiltinType {
    type Err = self::error::ConversionError;
    fn from_str(value: &str) -> ::std::result::Result<Self, self::error::ConversionError> {
        match value {
            "VOID" => Ok(Self::Void),
            "BOOLEAN" => Ok(Self::Boolean),
            "LONG" => Ok(Self::Long),
            "DOUBLE" => Ok(Self::Double),
            "STRING" => Ok(Self::String),
            "BINARY" => Ok(Self::Binary),
            "SECRET" => Ok(Self::Secret),
            "DATE_TIME" => Ok(Self::DateTime),
            "ID" => Ok(Self::Id),
            "URI" => Ok(Self::Uri),
            "ANY_ERROR" => Ok(Self::AnyError),
            "DYNAMIC_STRUCTURE" => Ok(Self::DynamicStructure),
            "OPAQUE" => Ok(Self::Opaque),
            _ => Err("invalid value".into()),
        }
    }
}
impl ::std::convert::TryFrom<&str> for VapiMetadataMetamodelTypeBuiltinType {
    type Error = self::error::ConversionError;
    fn try_from(value: &str) -> ::std::result::Result<Self, self::error::ConversionError> {
        value.parse()
    }
}
impl ::std::convert::TryFrom<::std::string::String> for VapiMetadataMetamodelTypeBuiltinType {
    type Error = self::error::ConversionError;
    fn try_from(
        value: ::std::string::String,
    ) -> ::std::result::Result<Self, self::error::ConversionError> {
        value.parse()
    }
}
#[doc = "The {@name Category} {@term enumerated type} provides {@term enumeration value} for each category of the type."]
#[derive(
    :: serde :: Deserialize,
    :: serde :: Serialize,
    Clone,
    Copy,
    Debug,
    Eq,
    Hash,
    Ord,
    PartialEq,
    PartialOrd,
)]
pub enum VapiMetadataMetamodelTypeCategory {
    #[serde(rename = "BUILTIN")]
    Builtin,
    #[serde(rename = "USER_DEFINED")]
    UserDefined,
    #[serde(rename = "GENERIC")]
    Generic,
}
impl ::std::fmt::Display for VapiMetadataMetamodelTypeCategory {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        match *self {
            Self::Builtin => f.write_str("BUILTIN"),
            Self::UserDefined => f.write_str("USER_DEFINED"),
            Self::Generic => f.write_str("GENERIC"),
        }
    }
}
impl ::std::str::FromStr for VapiMetadataMetamodelTypeCategory {
    type Err = self::error::ConversionError;
    fn from_str(value: &str) -> ::std::result::Result<Self, self::error::ConversionError> {
        match value {
            "BUILTIN" => Ok(Self::Builtin),
            "USER_DEFINED" => Ok(Self::UserDefined),
            "GENERIC" => Ok(Self::Generic),
            _ => Err("invalid value".into()),
        }
    }
}
impl ::std::convert::TryFrom<&str> for VapiMetadataMetamodelTypeCategory {
    type Error = self::error::ConversionError;
    fn try_from(value: &str) -> ::std::result::Result<Self, self::error::ConversionError> {
        value.parse()
    }
}
impl ::std::convert::TryFrom<::std::string::String> for VapiMetadataMetamodelTypeCategory {
    type Error = self::error::ConversionError;
    fn try_from(
        value: ::std::string::String,
    ) -> ::std::result::Result<Self, self::error::ConversionError> {
        value.parse()
    }
}
#[doc = "`VapiMetadataMetamodelUserDefinedType`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataMetamodelUserDefinedType {
    #[doc = "Identifier of the user defined named type."]
    pub resource_id: ::std::string::String,
    #[doc = "Category of the user defined named type. The named type could be a structure element or an enumeration element."]
    pub resource_type: ::std::string::String,
}
#[doc = "`VapiMetadataPrivilegeComponentData`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataPrivilegeComponentData {
    #[doc = "Fingerprint of the metadata of the component. <p> Privilege information could change when there is an infrastructure update. Since the data present in {@link ComponentData#info} could be quite large, {@name #fingerprint} provides a convenient way to check if the data for a particular component is updated. <p> You should store the fingerprint associated with a component. After an update, by invoking the {@link vapi.metadata.privilege.Component#fingerprint} {@term operation}, you can retrieve the new fingerprint for the component. If the new fingerprint and the previously stored fingerprint do not match, clients can then use the {@link vapi.metadata.privilege.Component#get} to retrieve the new privilege information for the component."]
    pub fingerprint: ::std::string::String,
    #[doc = "Privilege information of the component. This includes information about all the {@term packages} in the component."]
    pub info: VapiMetadataPrivilegeComponentInfo,
}
#[doc = "`VapiMetadataPrivilegeComponentFingerprintResp`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataPrivilegeComponentFingerprintResp {
    pub value: ::std::string::String,
}
#[doc = "`VapiMetadataPrivilegeComponentInfo`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataPrivilegeComponentInfo {
    #[doc = "Privilege information of all the package elements. The key in the {@term map} is the identifier of the package element and the value in the {@term map} is the privilege information for the package element. <p> For an explanation of privilege information containment within package elements, see {@link vapi.metadata.privilege.Package}."]
    pub packages: ::std::vec::Vec<VapiMetadataPrivilegeComponentInfoPackagesItem>,
}
#[doc = "`VapiMetadataPrivilegeComponentInfoPackagesItem`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug, Default)]
pub struct VapiMetadataPrivilegeComponentInfoPackagesItem {
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub key: ::std::option::Option<::std::string::String>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub value: ::std::option::Option<VapiMetadataPrivilegePackageInfo>,
}
#[doc = "`VapiMetadataPrivilegeComponentListResp`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataPrivilegeComponentListResp {
    pub value: ::std::vec::Vec<::std::string::String>,
}
#[doc = "`VapiMetadataPrivilegeComponentResp`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataPrivilegeComponentResp {
    pub value: VapiMetadataPrivilegeComponentData,
}
#[doc = "`VapiMetadataPrivilegeOperationInfo`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataPrivilegeOperationInfo {
    #[doc = "Privilege information of all the parameter elements of the operation element. For an explanation of containment of privilege information within parameter elements, see {@link vapi.metadata.privilege.PrivilegeInfo}."]
    pub privilege_info: ::std::vec::Vec<VapiMetadataPrivilegePrivilegeInfo>,
    #[doc = "List of all privileges assigned to the operation element."]
    pub privileges: ::std::vec::Vec<::std::string::String>,
}
#[doc = "`VapiMetadataPrivilegePackageInfo`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataPrivilegePackageInfo {
    #[doc = "List of default privileges to be used for all the operations present in this package. If a particular operation element has no explicit privileges defined in the privilege definition file, these privileges are used for enforcing authorization."]
    pub privileges: ::std::vec::Vec<::std::string::String>,
    #[doc = "Information about all service elements contained in this package element that contain privilege information. The key in the {@term map} is the identifier of the service element and the value in the {@term map} is the privilege information for the service element. For an explanation of privilege information containment within service elements, see {@link vapi.metadata.privilege.Service}."]
    pub services: ::std::vec::Vec<VapiMetadataPrivilegePackageInfoServicesItem>,
}
#[doc = "`VapiMetadataPrivilegePackageInfoServicesItem`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug, Default)]
pub struct VapiMetadataPrivilegePackageInfoServicesItem {
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub key: ::std::option::Option<::std::string::String>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub value: ::std::option::Option<VapiMetadataPrivilegeServiceInfo>,
}
#[doc = "`VapiMetadataPrivilegePackageListResp`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataPrivilegePackageListResp {
    pub value: ::std::vec::Vec<::std::string::String>,
}
#[doc = "`VapiMetadataPrivilegePackageResp`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataPrivilegePackageResp {
    pub value: VapiMetadataPrivilegePackageInfo,
}
#[doc = "`VapiMetadataPrivilegePrivilegeInfo`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataPrivilegePrivilegeInfo {
    #[doc = "List of privileges assigned to the entity that is being referred by {@link #propertyPath}."]
    pub privileges: ::std::vec::Vec<::std::string::String>,
    #[doc = "The {@name #propertyPath} points to an entity that is used in the operation element. An entity can either be present in one of the parameter elements or if a parameter is a structure element, it could also be present in one of the field elements. <p> If the privilege is assigned to an entity used in the parameter, {@name #propertyPath} will just contain the name of the parameter field. If the privilege is assigned to an entity in one of the field elements of a parameter element that is a structure element, then {@name #propertyPath} will contain a path to the field element starting from the parameter name."]
    pub property_path: ::std::string::String,
}
#[doc = "`VapiMetadataPrivilegeServiceInfo`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataPrivilegeServiceInfo {
    #[doc = "Information about all operation elements contained in this service element that contain privilege information. The key in the {@term map} is the identifier of the operation element and the value in the {@term map} is the privilege information for the operation element. <p> For an explanation of containment of privilege information within operation elements, see {@link vapi.metadata.privilege.service.Operation}."]
    pub operations: ::std::vec::Vec<VapiMetadataPrivilegeServiceInfoOperationsItem>,
}
#[doc = "`VapiMetadataPrivilegeServiceInfoOperationsItem`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug, Default)]
pub struct VapiMetadataPrivilegeServiceInfoOperationsItem {
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub key: ::std::option::Option<::std::string::String>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub value: ::std::option::Option<VapiMetadataPrivilegeOperationInfo>,
}
#[doc = "`VapiMetadataPrivilegeServiceListResp`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataPrivilegeServiceListResp {
    pub value: ::std::vec::Vec<::std::string::String>,
}
#[doc = "`VapiMetadataPrivilegeServiceOperationGet`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug, Default)]
pub struct VapiMetadataPrivilegeServiceOperationGet {
    #[doc = "Identifier of the operation element."]
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub operation_id: ::std::option::Option<::std::string::String>,
}
#[doc = "`VapiMetadataPrivilegeServiceOperationListResp`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataPrivilegeServiceOperationListResp {
    pub value: ::std::vec::Vec<::std::string::String>,
}
#[doc = "`VapiMetadataPrivilegeServiceOperationResp`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataPrivilegeServiceOperationResp {
    pub value: VapiMetadataPrivilegeOperationInfo,
}
#[doc = "`VapiMetadataPrivilegeServiceResp`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiMetadataPrivilegeServiceResp {
    pub value: VapiMetadataPrivilegeServiceInfo,
}
#[doc = "`VapiRestNavigationComponentInfo`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiRestNavigationComponentInfo {
    #[doc = "Component documentation."]
    pub documentation: ::std::string::String,
    #[doc = "Name of the component."]
    pub name: ::std::string::String,
    #[doc = "Link to component services list."]
    pub services: VapiRestNavigationLink,
}
#[doc = "`VapiRestNavigationComponentListResp`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiRestNavigationComponentListResp {
    pub value: ::std::vec::Vec<VapiRestNavigationComponentInfo>,
}
#[doc = "The HttpMethod enumerated type defines the valid http methods that can be used with a URL to make a REST call."]
#[derive(
    :: serde :: Deserialize,
    :: serde :: Serialize,
    Clone,
    Copy,
    Debug,
    Eq,
    Hash,
    Ord,
    PartialEq,
    PartialOrd,
)]
pub enum VapiRestNavigationHttpMethod {
    #[serde(rename = "GET")]
    Get,
    #[serde(rename = "POST")]
    Post,
    #[serde(rename = "PUT")]
    Put,
    #[serde(rename = "DELETE")]
    Delete,
    #[serde(rename = "OPTIONS")]
    Options,
    #[serde(rename = "PATCH")]
    Patch,
    #[serde(rename = "TRACE")]
    Trace,
    #[serde(rename = "CONNECT")]
    Connect,
    #[serde(rename = "HEAD")]
    Head,
}
impl ::std::fmt::Display for VapiRestNavigationHttpMethod {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        match *self {
            Self::Get => f.write_str("GET"),
            Self::Post => f.write_str("POST"),
            Self::Put => f.write_str("PUT"),
            Self::Delete => f.write_str("DELETE"),
            Self::Options => f.write_str("OPTIONS"),
            Self::Patch => f.write_str("PATCH"),
            Self::Trace => f.write_str("TRACE"),
            Self::Connect => f.write_str("CONNECT"),
            Self::Head => f.write_str("HEAD"),
        }
    }
}
impl ::std::str::FromStr for VapiRestNavigationHttpMethod {
    type Err = self::error::ConversionError;
    fn from_str(value: &str) -> ::std::result::Result<Self, self::error::ConversionError> {
        match value {
            "GET" => Ok(Self::Get),
            "POST" => Ok(Self::Post),
            "PUT" => Ok(Self::Put),
            "DELETE" => Ok(Self::Delete),
            "OPTIONS" => Ok(Self::Options),
            "PATCH" => Ok(Self::Patch),
            "TRACE" => Ok(Self::Trace),
            "CONNECT" => Ok(Self::Connect),
            "HEAD" => Ok(Self::Head),
            _ => Err("invalid value".into()),
        }
    }
}
impl ::std::convert::TryFrom<&str> for VapiRestNavigationHttpMethod {
    type Error = self::error::ConversionError;
    fn try_from(value: &str) -> ::std::result::Result<Self, self::error::ConversionError> {
        value.parse()
    }
}
impl ::std::convert::TryFrom<::std::string::String> for VapiRestNavigationHttpMethod {
    type Error = self::error::ConversionError;
    fn try_from(
        value: ::std::string::String,
    ) -> ::std::result::Result<Self, self::error::ConversionError> {
        value.parse()
    }
}
#[doc = "`VapiRestNavigationLink`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiRestNavigationLink {
    #[doc = "URL that should be called."]
    pub href: ::std::string::String,
    #[doc = "Reference to meta data describing the call."]
    pub metadata: VapiRestNavigationReference,
    #[doc = "HttpMethod to be used."]
    pub method: VapiRestNavigationHttpMethod,
}
#[doc = "`VapiRestNavigationOperation`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiRestNavigationOperation {
    #[doc = "Documentation of the operation."]
    pub documentation: ::std::string::String,
    #[doc = "List of References to execute the operation."]
    pub links: ::std::vec::Vec<VapiRestNavigationReference>,
    #[doc = "Reference to meta data about the operation."]
    pub metadata: VapiRestNavigationReference,
    #[doc = "Name of the operation."]
    pub name: ::std::string::String,
    #[doc = "Name of the service where the operations belongs to."]
    pub service: ::std::string::String,
}
#[doc = "`VapiRestNavigationOptionsGet`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug, Default)]
pub struct VapiRestNavigationOptionsGet {
    #[doc = "Base URL.\nThe {param.name baseUrl} parameter is used by the service to produce absolute URLs. If unset then the service will produce relative URLs."]
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub base_url: ::std::option::Option<::std::string::String>,
    #[doc = "URL for which operations are retrieved."]
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub url: ::std::option::Option<::std::string::String>,
}
#[doc = "`VapiRestNavigationOptionsResp`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiRestNavigationOptionsResp {
    pub value: ::std::vec::Vec<VapiRestNavigationOperation>,
}
#[doc = "`VapiRestNavigationReference`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiRestNavigationReference {
    #[doc = "URL to be called."]
    pub href: ::std::string::String,
    #[doc = "HttpMethod to be used."]
    pub method: VapiRestNavigationHttpMethod,
}
#[doc = "`VapiRestNavigationResourceInfo`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiRestNavigationResourceInfo {
    #[doc = "URL to get resource information."]
    pub href: ::std::string::String,
    #[doc = "Reference to the meta data for the resource."]
    pub metadata: VapiRestNavigationReference,
    #[doc = "HttpMethod to get resource information."]
    pub method: VapiRestNavigationHttpMethod,
    #[doc = "Name of the resource."]
    pub name: ::std::string::String,
}
#[doc = "`VapiRestNavigationResourceListResp`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiRestNavigationResourceListResp {
    pub value: ::std::vec::Vec<VapiRestNavigationResourceInfo>,
}
#[doc = "`VapiRestNavigationResourceResp`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiRestNavigationResourceResp {
    pub value: ::std::vec::Vec<VapiRestNavigationOperation>,
}
#[doc = "`VapiRestNavigationRootInfo`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiRestNavigationRootInfo {
    #[doc = "Link to component list."]
    pub components: VapiRestNavigationLink,
    #[doc = "Link to resource list."]
    pub resources: VapiRestNavigationLink,
}
#[doc = "`VapiRestNavigationRootResp`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiRestNavigationRootResp {
    pub value: VapiRestNavigationRootInfo,
}
#[doc = "`VapiRestNavigationServiceInfo`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiRestNavigationServiceInfo {
    #[doc = "Documentation of the service."]
    pub documentation: ::std::string::String,
    #[doc = "URL to get service information."]
    pub href: ::std::string::String,
    #[doc = "Reference to the meta data for the service."]
    pub metadata: VapiRestNavigationReference,
    #[doc = "HttpMethod to get service information."]
    pub method: VapiRestNavigationHttpMethod,
    #[doc = "Name of the service."]
    pub name: ::std::string::String,
}
#[doc = "`VapiRestNavigationServiceListResp`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiRestNavigationServiceListResp {
    pub value: ::std::vec::Vec<VapiRestNavigationServiceInfo>,
}
#[doc = "Enumeration of all standard errors. Used as discriminator in protocols that have no standard means for transporting the error type, e.g. REST."]
#[derive(
    :: serde :: Deserialize,
    :: serde :: Serialize,
    Clone,
    Copy,
    Debug,
    Eq,
    Hash,
    Ord,
    PartialEq,
    PartialOrd,
)]
pub enum VapiStdErrorsErrorType {
    #[serde(rename = "ERROR")]
    Error,
    #[serde(rename = "ALREADY_EXISTS")]
    AlreadyExists,
    #[serde(rename = "ALREADY_IN_DESIRED_STATE")]
    AlreadyInDesiredState,
    #[serde(rename = "CANCELED")]
    Canceled,
    #[serde(rename = "CONCURRENT_CHANGE")]
    ConcurrentChange,
    #[serde(rename = "FEATURE_IN_USE")]
    FeatureInUse,
    #[serde(rename = "INTERNAL_SERVER_ERROR")]
    InternalServerError,
    #[serde(rename = "INVALID_ARGUMENT")]
    InvalidArgument,
    #[serde(rename = "INVALID_ELEMENT_CONFIGURATION")]
    InvalidElementConfiguration,
    #[serde(rename = "INVALID_ELEMENT_TYPE")]
    InvalidElementType,
    #[serde(rename = "INVALID_REQUEST")]
    InvalidRequest,
    #[serde(rename = "NOT_ALLOWED_IN_CURRENT_STATE")]
    NotAllowedInCurrentState,
    #[serde(rename = "NOT_FOUND")]
    NotFound,
    #[serde(rename = "OPERATION_NOT_FOUND")]
    OperationNotFound,
    #[serde(rename = "RESOURCE_BUSY")]
    ResourceBusy,
    #[serde(rename = "RESOURCE_IN_USE")]
    ResourceInUse,
    #[serde(rename = "RESOURCE_INACCESSIBLE")]
    ResourceInaccessible,
    #[serde(rename = "SERVICE_UNAVAILABLE")]
    ServiceUnavailable,
    #[serde(rename = "TIMED_OUT")]
    TimedOut,
    #[serde(rename = "UNABLE_TO_ALLOCATE_RESOURCE")]
    UnableToAllocateResource,
    #[serde(rename = "UNAUTHENTICATED")]
    Unauthenticated,
    #[serde(rename = "UNAUTHORIZED")]
    Unauthorized,
    #[serde(rename = "UNEXPECTED_INPUT")]
    UnexpectedInput,
    #[serde(rename = "UNSUPPORTED")]
    Unsupported,
    #[serde(rename = "UNVERIFIED_PEER")]
    UnverifiedPeer,
}
impl ::std::fmt::Display for VapiStdErrorsErrorType {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        match *self {
            Self::Error => f.write_str("ERROR"),
            Self::AlreadyExists => f.write_str("ALREADY_EXISTS"),
            Self::AlreadyInDesiredState => f.write_str("ALREADY_IN_DESIRED_STATE"),
            Self::Canceled => f.write_str("CANCELED"),
            Self::ConcurrentChange => f.write_str("CONCURRENT_CHANGE"),
            Self::FeatureInUse => f.write_str("FEATURE_IN_USE"),
            Self::InternalServerError => f.write_str("INTERNAL_SERVER_ERROR"),
            Self::InvalidArgument => f.write_str("INVALID_ARGUMENT"),
            Self::InvalidElementConfiguration => f.write_str("INVALID_ELEMENT_CONFIGURATION"),
            Self::InvalidElementType => f.write_str("INVALID_ELEMENT_TYPE"),
            Self::InvalidRequest => f.write_str("INVALID_REQUEST"),
            Self::NotAllowedInCurrentState => f.write_str("NOT_ALLOWED_IN_CURRENT_STATE"),
            Self::NotFound => f.write_str("NOT_FOUND"),
            Self::OperationNotFound => f.write_str("OPERATION_NOT_FOUND"),
            Self::ResourceBusy => f.write_str("RESOURCE_BUSY"),
            Self::ResourceInUse => f.write_str("RESOURCE_IN_USE"),
            Self::ResourceInaccessible => f.write_str("RESOURCE_INACCESSIBLE"),
            Self::ServiceUnavailable => f.write_str("SERVICE_UNAVAILABLE"),
            Self::TimedOut => f.write_str("TIMED_OUT"),
            Self::UnableToAllocateResource => f.write_str("UNABLE_TO_ALLOCATE_RESOURCE"),
            Self::Unauthenticated => f.write_str("UNAUTHENTICATED"),
            Self::Unauthorized => f.write_str("UNAUTHORIZED"),
            Self::UnexpectedInput => f.write_str("UNEXPECTED_INPUT"),
            Self::Unsupported => f.write_str("UNSUPPORTED"),
            Self::UnverifiedPeer => f.write_str("UNVERIFIED_PEER"),
        }
    }
}
impl ::std::str::FromStr for VapiStdErrorsErrorType {
    type Err = self::error::ConversionError;
    fn from_str(value: &str) -> ::std::result::Result<Self, self::error::ConversionError> {
        match value {
            "ERROR" => Ok(Self::Error),
            "ALREADY_EXISTS" => Ok(Self::AlreadyExists),
            "ALREADY_IN_DESIRED_STATE" => Ok(Self::AlreadyInDesiredState),
            "CANCELED" => Ok(Self::Canceled),
            "CONCURRENT_CHANGE" => Ok(Self::ConcurrentChange),
            "FEATURE_IN_USE" => Ok(Self::FeatureInUse),
            "INTERNAL_SERVER_ERROR" => Ok(Self::InternalServerError),
            "INVALID_ARGUMENT" => Ok(Self::InvalidArgument),
            "INVALID_ELEMENT_CONFIGURATION" => Ok(Self::InvalidElementConfiguration),
            "INVALID_ELEMENT_TYPE" => Ok(Self::InvalidElementType),
            "INVALID_REQUEST" => Ok(Self::InvalidRequest),
            "NOT_ALLOWED_IN_CURRENT_STATE" => Ok(Self::NotAllowedInCurrentState),
            "NOT_FOUND" => Ok(Self::NotFound),
            "OPERATION_NOT_FOUND" => Ok(Self::OperationNotFound),
            "RESOURCE_BUSY" => Ok(Self::ResourceBusy),
            "RESOURCE_IN_USE" => Ok(Self::ResourceInUse),
            "RESOURCE_INACCESSIBLE" => Ok(Self::ResourceInaccessible),
            "SERVICE_UNAVAILABLE" => Ok(Self::ServiceUnavailable),
            "TIMED_OUT" => Ok(Self::TimedOut),
            "UNABLE_TO_ALLOCATE_RESOURCE" => Ok(Self::UnableToAllocateResource),
            "UNAUTHENTICATED" => Ok(Self::Unauthenticated),
            "UNAUTHORIZED" => Ok(Self::Unauthorized),
            "UNEXPECTED_INPUT" => Ok(Self::UnexpectedInput),
            "UNSUPPORTED" => Ok(Self::Unsupported),
            "UNVERIFIED_PEER" => Ok(Self::UnverifiedPeer),
            _ => Err("invalid value".into()),
        }
    }
}
impl ::std::convert::TryFrom<&str> for VapiStdErrorsErrorType {
    type Error = self::error::ConversionError;
    fn try_from(value: &str) -> ::std::result::Result<Self, self::error::ConversionError> {
        value.parse()
    }
}
impl ::std::convert::TryFrom<::std::string::String> for VapiStdErrorsErrorType {
    type Error = self::error::ConversionError;
    fn try_from(
        value: ::std::string::String,
    ) -> ::std::result::Result<Self, self::error::ConversionError> {
        value.parse()
    }
}
#[doc = "`VapiStdErrorsNotAllowedInCurrentState`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiStdErrorsNotAllowedInCurrentState {
    #[doc = "Data to facilitate clients responding to the {@term operation} reporting a standard {@term error} to indicating that it was unable to complete successfully. <p> {@term Operations} may provide data that clients can use when responding to {@term errors}.  Since the data that clients need may be specific to the context of the {@term operation} reporting the {@term error}, different {@term operations} that report the same {@term error} may provide different data in the {@term error}.  The documentation for each each {@term operation} will describe what, if any, data it provides for each {@term error} it reports. The {@link ArgumentLocations}, {@link FileLocations}, and {@link TransientIndication} {@term structures} are intended as possible values for this {@term field}.  {@link vapi.std.DynamicID} may also be useful as a value for this {@term field} (although that is not its primary purpose).  Some {@term services} may provide their own specific {@term structures} for use as the value of this {@term field} when reporting {@term errors} from their {@term operations}."]
    #[serde(default, skip_serializing_if = "::serde_json::Map::is_empty")]
    pub data: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
    #[doc = "Discriminator field to help API consumers identify the structure type."]
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub error_type: ::std::option::Option<VapiStdErrorsErrorType>,
    #[doc = "Stack of one or more localizable messages for human {@term error} consumers. <p> The message at the top of the stack (first in the list) describes the {@term error} from the perspective of the {@term operation} the client invoked. Each subsequent message in the stack describes the \"cause\" of the prior message."]
    pub messages: ::std::vec::Vec<VapiStdLocalizableMessage>,
}
#[doc = "`VapiStdErrorsNotAllowedInCurrentStateError`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug, Default)]
pub struct VapiStdErrorsNotAllowedInCurrentStateError {
    #[serde(
        rename = "type",
        skip_serializing_if = "::std::option::Option::is_none"
    )]
    pub type_: ::std::option::Option<::std::string::String>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub value: ::std::option::Option<VapiStdErrorsNotAllowedInCurrentState>,
}
#[doc = "`VapiStdErrorsNotFound`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiStdErrorsNotFound {
    #[doc = "Data to facilitate clients responding to the {@term operation} reporting a standard {@term error} to indicating that it was unable to complete successfully. <p> {@term Operations} may provide data that clients can use when responding to {@term errors}.  Since the data that clients need may be specific to the context of the {@term operation} reporting the {@term error}, different {@term operations} that report the same {@term error} may provide different data in the {@term error}.  The documentation for each each {@term operation} will describe what, if any, data it provides for each {@term error} it reports. The {@link ArgumentLocations}, {@link FileLocations}, and {@link TransientIndication} {@term structures} are intended as possible values for this {@term field}.  {@link vapi.std.DynamicID} may also be useful as a value for this {@term field} (although that is not its primary purpose).  Some {@term services} may provide their own specific {@term structures} for use as the value of this {@term field} when reporting {@term errors} from their {@term operations}."]
    #[serde(default, skip_serializing_if = "::serde_json::Map::is_empty")]
    pub data: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
    #[doc = "Discriminator field to help API consumers identify the structure type."]
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub error_type: ::std::option::Option<VapiStdErrorsErrorType>,
    #[doc = "Stack of one or more localizable messages for human {@term error} consumers. <p> The message at the top of the stack (first in the list) describes the {@term error} from the perspective of the {@term operation} the client invoked. Each subsequent message in the stack describes the \"cause\" of the prior message."]
    pub messages: ::std::vec::Vec<VapiStdLocalizableMessage>,
}
#[doc = "`VapiStdErrorsNotFoundError`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug, Default)]
pub struct VapiStdErrorsNotFoundError {
    #[serde(
        rename = "type",
        skip_serializing_if = "::std::option::Option::is_none"
    )]
    pub type_: ::std::option::Option<::std::string::String>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub value: ::std::option::Option<VapiStdErrorsNotFound>,
}
#[doc = "`VapiStdErrorsServiceUnavailable`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiStdErrorsServiceUnavailable {
    #[doc = "Data to facilitate clients responding to the {@term operation} reporting a standard {@term error} to indicating that it was unable to complete successfully. <p> {@term Operations} may provide data that clients can use when responding to {@term errors}.  Since the data that clients need may be specific to the context of the {@term operation} reporting the {@term error}, different {@term operations} that report the same {@term error} may provide different data in the {@term error}.  The documentation for each each {@term operation} will describe what, if any, data it provides for each {@term error} it reports. The {@link ArgumentLocations}, {@link FileLocations}, and {@link TransientIndication} {@term structures} are intended as possible values for this {@term field}.  {@link vapi.std.DynamicID} may also be useful as a value for this {@term field} (although that is not its primary purpose).  Some {@term services} may provide their own specific {@term structures} for use as the value of this {@term field} when reporting {@term errors} from their {@term operations}."]
    #[serde(default, skip_serializing_if = "::serde_json::Map::is_empty")]
    pub data: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
    #[doc = "Discriminator field to help API consumers identify the structure type."]
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub error_type: ::std::option::Option<VapiStdErrorsErrorType>,
    #[doc = "Stack of one or more localizable messages for human {@term error} consumers. <p> The message at the top of the stack (first in the list) describes the {@term error} from the perspective of the {@term operation} the client invoked. Each subsequent message in the stack describes the \"cause\" of the prior message."]
    pub messages: ::std::vec::Vec<VapiStdLocalizableMessage>,
}
#[doc = "`VapiStdErrorsServiceUnavailableError`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug, Default)]
pub struct VapiStdErrorsServiceUnavailableError {
    #[serde(
        rename = "type",
        skip_serializing_if = "::std::option::Option::is_none"
    )]
    pub type_: ::std::option::Option<::std::string::String>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub value: ::std::option::Option<VapiStdErrorsServiceUnavailable>,
}
#[doc = "`VapiStdErrorsUnauthenticated`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiStdErrorsUnauthenticated {
    #[doc = "Indicates the authentication challenges applicable to the target API provider. It can be used by a client to discover the correct authentication scheme to use. The exact syntax of the value is defined by the specific provider, the protocol and authentication schemes used. <p> For example, a provider using REST may adhere to the WWW-Authenticate HTTP header specification, RFC7235, section 4.1. In this case an example challenge value may be: SIGN realm=\"27da1358-2ba4-11e9-b210-d663bd873d93\",sts=\"http://vcenter/sso?vsphere.local\", Basic realm=\"vCenter\""]
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub challenge: ::std::option::Option<::std::string::String>,
    #[doc = "Data to facilitate clients responding to the {@term operation} reporting a standard {@term error} to indicating that it was unable to complete successfully. <p> {@term Operations} may provide data that clients can use when responding to {@term errors}.  Since the data that clients need may be specific to the context of the {@term operation} reporting the {@term error}, different {@term operations} that report the same {@term error} may provide different data in the {@term error}.  The documentation for each each {@term operation} will describe what, if any, data it provides for each {@term error} it reports. The {@link ArgumentLocations}, {@link FileLocations}, and {@link TransientIndication} {@term structures} are intended as possible values for this {@term field}.  {@link vapi.std.DynamicID} may also be useful as a value for this {@term field} (although that is not its primary purpose).  Some {@term services} may provide their own specific {@term structures} for use as the value of this {@term field} when reporting {@term errors} from their {@term operations}."]
    #[serde(default, skip_serializing_if = "::serde_json::Map::is_empty")]
    pub data: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
    #[doc = "Discriminator field to help API consumers identify the structure type."]
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub error_type: ::std::option::Option<VapiStdErrorsErrorType>,
    #[doc = "Stack of one or more localizable messages for human {@term error} consumers. <p> The message at the top of the stack (first in the list) describes the {@term error} from the perspective of the {@term operation} the client invoked. Each subsequent message in the stack describes the \"cause\" of the prior message."]
    pub messages: ::std::vec::Vec<VapiStdLocalizableMessage>,
}
#[doc = "`VapiStdErrorsUnauthenticatedError`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug, Default)]
pub struct VapiStdErrorsUnauthenticatedError {
    #[serde(
        rename = "type",
        skip_serializing_if = "::std::option::Option::is_none"
    )]
    pub type_: ::std::option::Option<::std::string::String>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub value: ::std::option::Option<VapiStdErrorsUnauthenticated>,
}
#[doc = "`VapiStdErrorsUnauthorized`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiStdErrorsUnauthorized {
    #[doc = "Data to facilitate clients responding to the {@term operation} reporting a standard {@term error} to indicating that it was unable to complete successfully. <p> {@term Operations} may provide data that clients can use when responding to {@term errors}.  Since the data that clients need may be specific to the context of the {@term operation} reporting the {@term error}, different {@term operations} that report the same {@term error} may provide different data in the {@term error}.  The documentation for each each {@term operation} will describe what, if any, data it provides for each {@term error} it reports. The {@link ArgumentLocations}, {@link FileLocations}, and {@link TransientIndication} {@term structures} are intended as possible values for this {@term field}.  {@link vapi.std.DynamicID} may also be useful as a value for this {@term field} (although that is not its primary purpose).  Some {@term services} may provide their own specific {@term structures} for use as the value of this {@term field} when reporting {@term errors} from their {@term operations}."]
    #[serde(default, skip_serializing_if = "::serde_json::Map::is_empty")]
    pub data: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
    #[doc = "Discriminator field to help API consumers identify the structure type."]
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub error_type: ::std::option::Option<VapiStdErrorsErrorType>,
    #[doc = "Stack of one or more localizable messages for human {@term error} consumers. <p> The message at the top of the stack (first in the list) describes the {@term error} from the perspective of the {@term operation} the client invoked. Each subsequent message in the stack describes the \"cause\" of the prior message."]
    pub messages: ::std::vec::Vec<VapiStdLocalizableMessage>,
}
#[doc = "`VapiStdErrorsUnauthorizedError`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug, Default)]
pub struct VapiStdErrorsUnauthorizedError {
    #[serde(
        rename = "type",
        skip_serializing_if = "::std::option::Option::is_none"
    )]
    pub type_: ::std::option::Option<::std::string::String>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub value: ::std::option::Option<VapiStdErrorsUnauthorized>,
}
#[doc = "`VapiStdLocalizableMessage`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiStdLocalizableMessage {
    #[doc = "Positional arguments to be substituted into the message template. This list will be empty if the message uses named arguments or has no arguments."]
    pub args: ::std::vec::Vec<::std::string::String>,
    #[doc = "The value of this localizable string or message template in the {@code en_US} (English) locale.  If {@link #id} refers to a message template, the default message will contain the substituted arguments. This value can be used by clients that do not need to display strings and messages in the native language of the user.  It could also be used as a fallback if a client is unable to access the appropriate message catalog."]
    pub default_message: ::std::string::String,
    #[doc = "Unique identifier of the localizable string or message template. <p> This identifier is typically used to retrieve a locale-specific string or message template from a message catalog."]
    pub id: ::std::string::String,
    #[doc = "Localized string value as per request requirements."]
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub localized: ::std::option::Option<::std::string::String>,
    #[doc = "Named arguments to be substituted into the message template."]
    #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
    pub params: ::std::vec::Vec<VapiStdLocalizableMessageParamsItem>,
}
#[doc = "`VapiStdLocalizableMessageParamsItem`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug, Default)]
pub struct VapiStdLocalizableMessageParamsItem {
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub key: ::std::option::Option<::std::string::String>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub value: ::std::option::Option<VapiStdLocalizationParam>,
}
#[doc = "`VapiStdLocalizationParam`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug, Default)]
pub struct VapiStdLocalizationParam {
    #[doc = "The {@term double} value associated with the parameter. The number of displayed fractional digits is changed via {@name #precision} {@term field}."]
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub d: ::std::option::Option<f64>,
    #[doc = "Date and time value associated with the parameter. Use the {@name #format} {@term field} to specify date and time display style."]
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub dt: ::std::option::Option<::chrono::DateTime<::chrono::offset::Utc>>,
    #[doc = "Format associated with the date and time value in {@name #dt} {@term field}. The {@term enumeration value} {@code SHORT_DATETIME} will be used as default."]
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub format: ::std::option::Option<VapiStdLocalizationParamDateTimeFormat>,
    #[doc = "{@term long} value associated with the parameter."]
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub i: ::std::option::Option<i64>,
    #[doc = "Nested localizable value associated with the parameter. This is useful construct to convert to human readable localized form {@term enumerated type} and {@term boolean} values. It can also be used for proper handling of pluralization and gender forms in localization. Recursive {@name NestedLocalizableMessage} instances can be used for localizing short lists of items."]
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub l: ::std::option::Option<VapiStdNestedLocalizableMessage>,
    #[doc = "Number of fractional digits to include in formatted {@term double} value."]
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub precision: ::std::option::Option<i64>,
    #[doc = "{@term String} value associated with the parameter."]
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub s: ::std::option::Option<::std::string::String>,
}
#[doc = "The {@name DateTimeFormat} {@term enumerated type} lists possible date and time formatting options. It combines the Unicode CLDR format types - full, long, medium and short with 3 different presentations - date only, time only and combined date and time presentation."]
#[derive(
    :: serde :: Deserialize,
    :: serde :: Serialize,
    Clone,
    Copy,
    Debug,
    Eq,
    Hash,
    Ord,
    PartialEq,
    PartialOrd,
)]
pub enum VapiStdLocalizationParamDateTimeFormat {
    #[serde(rename = "SHORT_DATE")]
    ShortDate,
    #[serde(rename = "MED_DATE")]
    MedDate,
    #[serde(rename = "LONG_DATE")]
    LongDate,
    #[serde(rename = "FULL_DATE")]
    FullDate,
    #[serde(rename = "SHORT_TIME")]
    ShortTime,
    #[serde(rename = "MED_TIME")]
    MedTime,
    #[serde(rename = "LONG_TIME")]
    LongTime,
    #[serde(rename = "FULL_TIME")]
    FullTime,
    #[serde(rename = "SHORT_DATE_TIME")]
    ShortDateTime,
    #[serde(rename = "MED_DATE_TIME")]
    MedDateTime,
    #[serde(rename = "LONG_DATE_TIME")]
    LongDateTime,
    #[serde(rename = "FULL_DATE_TIME")]
    FullDateTime,
}
impl ::std::fmt::Display for VapiStdLocalizationParamDateTimeFormat {
    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
        match *self {
            Self::ShortDate => f.write_str("SHORT_DATE"),
            Self::MedDate => f.write_str("MED_DATE"),
            Self::LongDate => f.write_str("LONG_DATE"),
            Self::FullDate => f.write_str("FULL_DATE"),
            Self::ShortTime => f.write_str("SHORT_TIME"),
            Self::MedTime => f.write_str("MED_TIME"),
            Self::LongTime => f.write_str("LONG_TIME"),
            Self::FullTime => f.write_str("FULL_TIME"),
            Self::ShortDateTime => f.write_str("SHORT_DATE_TIME"),
            Self::MedDateTime => f.write_str("MED_DATE_TIME"),
            Self::LongDateTime => f.write_str("LONG_DATE_TIME"),
            Self::FullDateTime => f.write_str("FULL_DATE_TIME"),
        }
    }
}
impl ::std::str::FromStr for VapiStdLocalizationParamDateTimeFormat {
    type Err = self::error::ConversionError;
    fn from_str(value: &str) -> ::std::result::Result<Self, self::error::ConversionError> {
        match value {
            "SHORT_DATE" => Ok(Self::ShortDate),
            "MED_DATE" => Ok(Self::MedDate),
            "LONG_DATE" => Ok(Self::LongDate),
            "FULL_DATE" => Ok(Self::FullDate),
            "SHORT_TIME" => Ok(Self::ShortTime),
            "MED_TIME" => Ok(Self::MedTime),
            "LONG_TIME" => Ok(Self::LongTime),
            "FULL_TIME" => Ok(Self::FullTime),
            "SHORT_DATE_TIME" => Ok(Self::ShortDateTime),
            "MED_DATE_TIME" => Ok(Self::MedDateTime),
            "LONG_DATE_TIME" => Ok(Self::LongDateTime),
            "FULL_DATE_TIME" => Ok(Self::FullDateTime),
            _ => Err("invalid value".into()),
        }
    }
}
impl ::std::convert::TryFrom<&str> for VapiStdLocalizationParamDateTimeFormat {
    type Error = self::error::ConversionError;
    fn try_from(value: &str) -> ::std::result::Result<Self, self::error::ConversionError> {
        value.parse()
    }
}
impl ::std::convert::TryFrom<::std::string::String> for VapiStdLocalizationParamDateTimeFormat {
    type Error = self::error::ConversionError;
    fn try_from(
        value: ::std::string::String,
    ) -> ::std::result::Result<Self, self::error::ConversionError> {
        value.parse()
    }
}
#[doc = "`VapiStdNestedLocalizableMessage`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug)]
pub struct VapiStdNestedLocalizableMessage {
    #[doc = "Unique identifier of the localizable string or message template. <p> This identifier is typically used to retrieve a locale-specific string or message template from a message catalog."]
    pub id: ::std::string::String,
    #[doc = "Named Arguments to be substituted into the message template."]
    #[serde(default, skip_serializing_if = "::std::vec::Vec::is_empty")]
    pub params: ::std::vec::Vec<VapiStdNestedLocalizableMessageParamsItem>,
}
#[doc = "`VapiStdNestedLocalizableMessageParamsItem`"]
#[derive(:: serde :: Deserialize, :: serde :: Serialize, Clone, Debug, Default)]
pub struct VapiStdNestedLocalizableMessageParamsItem {
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub key: ::std::option::Option<::std::string::String>,
    #[serde(skip_serializing_if = "::std::option::Option::is_none")]
    pub value: ::std::option::Option<VapiStdLocalizationParam>,
}
#[doc = " Error types."]
pub mod error {
    #[doc = r" Error from a `TryFrom` or `FromStr` implementation."]
    pub struct ConversionError(::std::borrow::Cow<'static, str>);
    impl ::std::error::Error for ConversionError {}
    impl ::std::fmt::Display for ConversionError {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> Result<(), ::std::fmt::Error> {
            ::std::fmt::Display::fmt(&self.0, f)
        }
    }
    impl ::std::fmt::Debug for ConversionError {
        fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> Result<(), ::std::fmt::Error> {
            ::std::fmt::Debug::fmt(&self.0, f)
        }
    }
    impl From<&'static str> for ConversionError {
        fn from(value: &'static str) -> Self {
            Self(value.into())
        }
    }
    impl From<String> for ConversionError {
        fn from(value: String) -> Self {
            Self(value.into())
        }
    }
}

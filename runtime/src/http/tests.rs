//! The HTTP core against an operation written as the generator writes them: requests built from
//! typed values (path, fixed query, query, header, cookie, body, security), responses read by
//! status, media type and body, and every bad answer kept as an error.

use super::*;
use crate::http::client::Credential;

/// `POST /clusters/{cluster}/software?action=stage&vmw-task=true`, with a query, a header and a
/// cookie parameter, a JSON body, and four documented responses.
struct Stage {
    cluster: String,
    commit: Option<Vec<String>>,
    trace: Option<String>,
    tenant: Option<String>,
    body: Option<serde_json::Value>,
}

#[derive(Debug, PartialEq)]
enum StageResponse {
    Accepted(String),
    NotFound(serde_json::Value),
    Status5xx(StatusCode, String),
    NoContent,
}

const SESSION: &[SecurityScheme] = &[SecurityScheme {
    name: "api_key_auth",
    kind: SchemeKind::ApiKeyHeader("vmware-api-session-id"),
}];
const BASIC: &[SecurityScheme] = &[SecurityScheme {
    name: "basic_auth",
    kind: SchemeKind::Basic,
}];

impl Operation for Stage {
    type Response = StageResponse;

    const INFO: OperationInfo = OperationInfo {
        name: "Stage",
        method: "POST",
        path: &[
            PathPart::Literal("/clusters/"),
            PathPart::Parameter(0),
            PathPart::Literal("/software"),
        ],
        fixed_query: &[("action", "stage"), ("vmw-task", "true")],
        parameters: &[
            ParameterInfo {
                name: "cluster",
                place: Place::Path,
                style: Style::Simple,
                explode: false,
                schema: None,
            },
            ParameterInfo {
                name: "commit",
                place: Place::Query,
                style: Style::Form,
                explode: true,
                schema: None,
            },
            ParameterInfo {
                name: "x-trace",
                place: Place::Header,
                style: Style::Simple,
                explode: false,
                schema: None,
            },
            ParameterInfo {
                name: "tenant",
                place: Place::Cookie,
                style: Style::Form,
                explode: true,
                schema: None,
            },
        ],
        body: Some(BodyInfo {
            content_type: "application/json",
            media: Media::Json,
            required: false,
        }),
        security: &[SESSION, BASIC],
        responses: &[
            ResponseInfo {
                status: StatusMatch::Code(202),
                media: Some(Media::Json),
            },
            ResponseInfo {
                status: StatusMatch::Code(404),
                media: Some(Media::Json),
            },
            ResponseInfo {
                status: StatusMatch::Range(5),
                media: Some(Media::Text),
            },
            ResponseInfo {
                status: StatusMatch::Code(204),
                media: None,
            },
        ],
    };

    fn write<W: RequestWriter>(&self, writer: &mut W) {
        writer.parameter(0, Some(&self.cluster));
        writer.parameter(1, self.commit.as_ref());
        writer.parameter(2, self.trace.as_ref());
        writer.parameter(3, self.tenant.as_ref());
        writer.body(self.body.as_ref());
    }

    fn decode(
        index: usize,
        status: StatusCode,
        body: Body<'_>,
    ) -> Result<StageResponse, ValidationErrors> {
        match index {
            0 => body.json().map(StageResponse::Accepted),
            1 => body.json().map(StageResponse::NotFound),
            2 => body
                .text()
                .map(|text| StageResponse::Status5xx(status, text)),
            _ => Ok(StageResponse::NoContent),
        }
    }
}

fn stage() -> Stage {
    Stage {
        cluster: "domain c/8".to_owned(),
        commit: Some(vec!["1".to_owned(), "2".to_owned()]),
        trace: Some("abc".to_owned()),
        tenant: Some("t 1".to_owned()),
        body: Some(serde_json::json!({"commit": "1"})),
    }
}

#[test]
fn a_request_has_its_path_fixed_query_parameters_body_and_credentials() {
    let mut credentials = Credentials::default();
    credentials.set("api_key_auth", Credential::ApiKey("token-1".to_owned()));
    let request = build_request(&stage(), "https://vc.example/api/", &credentials).expect("builds");
    assert_eq!(request.method(), "POST");
    assert_eq!(
        request.uri(),
        "https://vc.example/api/clusters/domain%20c%2F8/software?action=stage&vmw-task=true&commit=1&commit=2"
    );
    let headers = request.headers();
    assert_eq!(headers["vmware-api-session-id"], "token-1");
    assert_eq!(headers["x-trace"], "abc");
    assert_eq!(headers["cookie"], "tenant=t%201");
    assert_eq!(headers["content-type"], "application/json");
    assert_eq!(request.body(), br#"{"commit":"1"}"#);
}

#[test]
fn the_first_security_alternative_the_credentials_cover_is_applied() {
    let mut credentials = Credentials::default();
    credentials.set(
        "basic_auth",
        Credential::Basic {
            user: "admin".to_owned(),
            password: "secret".to_owned(),
        },
    );
    let request = build_request(&stage(), "http://h", &credentials).expect("builds");
    assert_eq!(request.headers()["authorization"], "Basic YWRtaW46c2VjcmV0");
    assert!(request.headers().get("vmware-api-session-id").is_none());
    // Without any, the request goes without: the server's 401 is the answer.
    let request = build_request(&stage(), "http://h", &Credentials::default()).expect("builds");
    assert!(request.headers().get("authorization").is_none());
    // A credential of the wrong kind does not cover a scheme: a token is no password.
    let mut wrong = Credentials::default();
    wrong.set("basic_auth", Credential::Bearer("t".to_owned()));
    let request = build_request(&stage(), "http://h", &wrong).expect("builds");
    assert!(request.headers().get("authorization").is_none());
    // A session given for its header covers the scheme that asks for that header.
    let mut by_header = Credentials::default();
    by_header.set_header("VMware-API-Session-Id", Credential::ApiKey("s".to_owned()));
    let request = build_request(&stage(), "http://h", &by_header).expect("builds");
    assert_eq!(request.headers()["vmware-api-session-id"], "s");
}

#[test]
fn a_credential_that_a_header_cannot_carry_is_an_error_not_a_request() {
    let mut credentials = Credentials::default();
    credentials.set("api_key_auth", Credential::ApiKey("a\nb".to_owned()));
    match build_request(&stage(), "http://h", &credentials) {
        Err(RequestError::Encode { parameter, .. }) => {
            assert_eq!(parameter, "vmware-api-session-id");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_header_that_cannot_be_sent_is_an_error_that_names_it() {
    let mut op = stage();
    op.trace = Some("a\r\nInjected: yes".to_owned());
    match build_request(&op, "http://h", &Credentials::default()) {
        Err(RequestError::Encode { parameter, .. }) => assert_eq!(parameter, "x-trace"),
        other => panic!("{other:?}"),
    }
}

fn response(status: u16, content_type: Option<&str>, body: &str) -> Response<Vec<u8>> {
    let mut builder = Response::builder().status(status);
    if let Some(content_type) = content_type {
        builder = builder.header("content-type", content_type);
    }
    builder.body(body.as_bytes().to_vec()).expect("a response")
}

#[test]
fn responses_are_read_by_status_code_range_and_media_type() {
    let read = |r| parse_response::<Stage>(r, Mode::Strict);
    assert_eq!(
        read(response(202, Some("application/json"), r#""task-1""#)).expect("202"),
        StageResponse::Accepted("task-1".to_owned())
    );
    assert_eq!(
        read(response(404, None, r#"{"error_type": "NOT_FOUND"}"#)).expect("404"),
        StageResponse::NotFound(serde_json::json!({"error_type": "NOT_FOUND"}))
    );
    assert_eq!(
        read(response(503, Some("text/plain; charset=utf-8"), "down")).expect("5XX"),
        StageResponse::Status5xx(StatusCode::SERVICE_UNAVAILABLE, "down".to_owned())
    );
    assert_eq!(
        read(response(204, None, "")).expect("204"),
        StageResponse::NoContent
    );
}

#[test]
fn bad_answers_are_errors_that_keep_the_status_headers_and_body() {
    let read = |r| parse_response::<Stage>(r, Mode::Strict);
    let err = read(response(418, Some("text/plain"), "teapot")).expect_err("undocumented");
    assert!(matches!(err.problem, ResponseProblem::UndocumentedStatus));
    assert_eq!(
        (err.status.as_u16(), err.body.as_slice()),
        (418, &b"teapot"[..])
    );
    let html = "<html>login</html>";
    let err = read(response(202, Some("text/html"), html)).expect_err("HTML");
    assert!(matches!(
        err.problem,
        ResponseProblem::ContentType {
            expected: "application/json",
            ..
        }
    ));
    assert_eq!(err.headers["content-type"], "text/html");
    let err = read(response(202, Some("application/json"), r#""task"#)).expect_err("truncated");
    assert!(matches!(err.problem, ResponseProblem::Body(_)), "{err}");
    let err = read(response(202, Some("application/json"), "")).expect_err("empty");
    assert!(err.to_string().contains("status 202"), "{err}");
    let err = read(response(202, None, "42")).expect_err("a number, not a task id");
    assert!(matches!(err.problem, ResponseProblem::Body(_)), "{err}");
}

/// A string of at most three characters, as a compiled schema.
static SHORT: crate::schema::Schemas =
    crate::schema::Schemas::new(r#"{"v":1,"nodes":[{"types":32,"str":[{"max_length":3}]}]}"#);

struct Lookup {
    code: String,
}

impl Operation for Lookup {
    type Response = ();

    const INFO: OperationInfo = OperationInfo {
        name: "lookup",
        method: "GET",
        path: &[PathPart::Literal("/codes/"), PathPart::Parameter(0)],
        fixed_query: &[],
        parameters: &[ParameterInfo {
            name: "code",
            place: Place::Path,
            style: Style::Simple,
            explode: false,
            schema: Some(Schema {
                schemas: &SHORT,
                node: 0,
                exact: false,
            }),
        }],
        body: None,
        security: &[],
        responses: &[],
    };

    fn write<W: RequestWriter>(&self, writer: &mut W) {
        writer.parameter(0, Some(&self.code));
    }

    fn decode(index: usize, _: StatusCode, _: Body<'_>) -> Result<(), ValidationErrors> {
        Err(no_such_response(index))
    }
}

#[test]
fn a_parameter_that_breaks_its_schema_is_an_error_that_names_it() {
    let ok = Lookup {
        code: "abc".to_owned(),
    };
    let request = build_request(&ok, "http://h", &Credentials::default()).expect("builds");
    assert_eq!(request.uri(), "http://h/codes/abc");
    let long = Lookup {
        code: "abcd".to_owned(),
    };
    match build_request(&long, "http://h", &Credentials::default()) {
        Err(RequestError::Invalid { parameter, errors }) => {
            assert_eq!(parameter, "code");
            assert_eq!(
                errors
                    .iter()
                    .next()
                    .map(|e| e.code().to_string())
                    .as_deref(),
                Some("max_length")
            );
        }
        other => panic!("{other:?}"),
    }
    // No documented response at all: any status is an error that keeps it.
    let response = Response::builder()
        .status(200)
        .body(Vec::new())
        .expect("a response");
    assert!(parse_response::<Lookup>(response, Mode::Strict).is_err());
}

/// Swagger 2.0's form fields: `collectionFormat` joins or repeats an array.
struct Upload {
    ids: Vec<i64>,
    tags: Vec<String>,
}

impl Operation for Upload {
    type Response = ();

    const INFO: OperationInfo = OperationInfo {
        name: "upload",
        method: "POST",
        path: &[PathPart::Literal("/upload")],
        fixed_query: &[],
        parameters: &[
            ParameterInfo {
                name: "ids",
                place: Place::Form,
                style: Style::PipeDelimited,
                explode: false,
                schema: None,
            },
            ParameterInfo {
                name: "tags",
                place: Place::Form,
                style: Style::Form,
                explode: true,
                schema: None,
            },
        ],
        body: Some(BodyInfo {
            content_type: "application/x-www-form-urlencoded",
            media: Media::Form,
            required: true,
        }),
        security: &[],
        responses: &[],
    };

    fn write<W: RequestWriter>(&self, writer: &mut W) {
        writer.parameter(0, Some(&self.ids));
        writer.parameter(1, Some(&self.tags));
    }

    fn decode(index: usize, _: StatusCode, _: Body<'_>) -> Result<(), ValidationErrors> {
        Err(no_such_response(index))
    }
}

#[test]
fn form_fields_follow_their_collection_format() {
    let upload = Upload {
        ids: vec![1, 2],
        tags: vec!["a b".to_owned(), "c".to_owned()],
    };
    let request = build_request(&upload, "http://h", &Credentials::default()).expect("builds");
    assert_eq!(request.body(), b"ids=1%7C2&tags=a+b&tags=c");
    assert_eq!(
        request.headers()["content-type"],
        "application/x-www-form-urlencoded"
    );
}

/// A body in each media type: multipart (one part a property, arrays repeated), text and bytes.
struct Send {
    media: Media,
    body: serde_json::Value,
    raw: Option<Vec<u8>>,
}

impl Send {
    fn request(&self) -> Request<Vec<u8>> {
        // The info is a constant per media type, as a generated operation's is.
        let none = Credentials::default();
        match self.media {
            Media::Multipart => build_request(&Typed::<MultipartInfo>::of(self), "http://h", &none),
            _ => build_request(&Typed::<RawInfo>::of(self), "http://h", &none),
        }
        .expect("builds")
    }
}

struct Typed<'s, I> {
    send: &'s Send,
    info: std::marker::PhantomData<I>,
}

impl<'s, I> Typed<'s, I> {
    fn of(send: &'s Send) -> Typed<'s, I> {
        Typed {
            send,
            info: std::marker::PhantomData,
        }
    }
}

trait Info {
    const BODY: BodyInfo;
}

struct MultipartInfo;
struct RawInfo;

impl Info for MultipartInfo {
    const BODY: BodyInfo = BodyInfo {
        content_type: "multipart/form-data",
        media: Media::Multipart,
        required: true,
    };
}

impl Info for RawInfo {
    const BODY: BodyInfo = BodyInfo {
        content_type: "application/octet-stream",
        media: Media::Bytes,
        required: true,
    };
}

impl<I: Info> Operation for Typed<'_, I> {
    type Response = ();

    const INFO: OperationInfo = OperationInfo {
        name: "send",
        method: "PUT",
        path: &[PathPart::Literal("/things")],
        fixed_query: &[],
        parameters: &[],
        body: Some(I::BODY),
        security: &[],
        responses: &[],
    };

    fn write<W: RequestWriter>(&self, writer: &mut W) {
        match &self.send.raw {
            Some(bytes) => writer.raw_body(Some(bytes)),
            None => writer.body(Some(&self.send.body)),
        }
    }

    fn decode(index: usize, _: StatusCode, _: Body<'_>) -> Result<(), ValidationErrors> {
        Err(no_such_response(index))
    }
}

#[test]
fn bodies_are_written_in_their_media_type() {
    let multipart = Send {
        media: Media::Multipart,
        body: serde_json::json!({"labels": ["a", "b"], "meta": {"k": 1}, "title": "x"}),
        raw: None,
    }
    .request();
    assert!(
        multipart.headers()["content-type"]
            .to_str()
            .expect("text")
            .starts_with("multipart/form-data; boundary=")
    );
    let text = String::from_utf8(multipart.body().clone()).expect("text");
    for part in [
        "name=\"labels\"\r\n\r\na\r\n",
        "name=\"labels\"\r\n\r\nb\r\n",
        "name=\"meta\"\r\n\r\n{\"k\":1}\r\n",
        "name=\"title\"\r\n\r\nx\r\n",
    ] {
        assert!(text.contains(part), "{part:?} not in {text:?}");
    }
    assert!(text.ends_with("--\r\n"), "{text:?}");
    let bytes = Send {
        media: Media::Bytes,
        body: serde_json::Value::Null,
        raw: Some(vec![0, 159, 146, 150]),
    }
    .request();
    assert_eq!(bytes.body(), &[0, 159, 146, 150]);
    assert_eq!(bytes.headers()["content-type"], "application/octet-stream");
}

//! Server functions of the inquiry hall (询价大厅): customers post and keep
//! their inquiries; hall staff list, count, answer and move them; admins
//! set the SLA and the WeCom group robot and send it a test.

use leptos::prelude::*;
use server_fn::codec::Json;
use shipdesk::pricing::inquiry_hall::{
    HallInquiry, InquiryCounts, InquiryFilter, InquiryForPost, InquirySettings,
    InquirySettingsForSave, InquiryStatus, MyInquiryFilter, RobotTestAnswer,
};
use shipdesk::{AppError, Id, Page};

#[cfg(feature = "ssr")]
use {crate::server::*, shipdesk::pricing::inquiry_hall::service, shipdesk::PageQuery};

/// Posts an inquiry (创建询价需求) from the quote form's fields (which may be partial: a country is needed) or a message as written (at most 2,000 characters, read into `fields`), under a new number `I<day>-NNNN`; the sales group is told through the WeCom robot when one is set. A customer posts for their company; hall staff for a company in their scope, or none.
#[server(prefix = "/api", endpoint = "post_inquiry", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn post_inquiry(input: InquiryForPost) -> Result<HallInquiry, AppError> {
    let p = principal().await?;
    service::post_inquiry(&state()?, &p, &input).await
}

/// The caller's own inquiries they have not deleted, newest first, by status (获取询价大厅列表; customers).
#[server(prefix = "/api", endpoint = "list_my_inquiries", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn list_my_inquiries(
    filter: MyInquiryFilter,
    page: Option<u32>,
    size: Option<u32>,
) -> Result<Page<HallInquiry>, AppError> {
    let p = principal().await?;
    let page = PageQuery::parse(page, size)?;
    service::list_my_inquiries(&state()?, &p, &filter, page).await
}

/// Deletes one of the caller's inquiries from their list (删除单个询价需求); staff still see it. 404 unless it is theirs.
#[server(prefix = "/api", endpoint = "delete_my_inquiry", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn delete_my_inquiry(id: Id) -> Result<(), AppError> {
    let p = principal().await?;
    service::delete_my_inquiry(&state()?, &p, id).await
}

/// Clears the caller's inquiry history (清空询价历史): every inquiry of theirs leaves their list; how many did.
#[server(prefix = "/api", endpoint = "clear_my_inquiries", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn clear_my_inquiries() -> Result<u64, AppError> {
    let p = principal().await?;
    service::clear_my_inquiries(&state()?, &p).await
}

/// The hall's inquiries, newest first, filtered by status, days posted (China time), company and text, each with `overdue` when pending past the SLA (查询询价大厅列表).
#[server(prefix = "/api", endpoint = "list_inquiries", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn list_inquiries(
    filter: InquiryFilter,
    page: Option<u32>,
    size: Option<u32>,
) -> Result<Page<HallInquiry>, AppError> {
    let p = principal().await?;
    let page = PageQuery::parse(page, size)?;
    service::list_inquiries(&state()?, p.as_staff()?, &filter, page).await
}

/// How many of the filter's inquiries (its status aside) are in each status, and how many are overdue (查询询价大厅列表统计数量).
#[server(prefix = "/api", endpoint = "count_inquiries", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn count_inquiries(filter: InquiryFilter) -> Result<InquiryCounts, AppError> {
    let p = principal().await?;
    service::count_inquiries(&state()?, p.as_staff()?, &filter).await
}

/// Answers a pending inquiry with a saved quote of its company: it becomes quoted. If another answer came first, a 409 on `status`.
#[server(prefix = "/api", endpoint = "answer_inquiry", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn answer_inquiry(id: Id, quote_number: String) -> Result<HallInquiry, AppError> {
    let p = principal().await?;
    service::answer_inquiry(&state()?, p.as_staff()?, id, &quote_number).await
}

/// Moves an inquiry (编辑询价大厅状态): quoted → won or closed, pending → closed; other moves are a 422 on `status`.
#[server(prefix = "/api", endpoint = "set_inquiry_status", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn set_inquiry_status(id: Id, status: InquiryStatus) -> Result<HallInquiry, AppError> {
    let p = principal().await?;
    service::set_inquiry_status(&state()?, p.as_staff()?, id, status).await
}

/// The hall's SLA in minutes, the WeCom robot URL and the latest robot messages with their outcome (admin).
#[server(prefix = "/api", endpoint = "get_inquiry_settings", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn get_inquiry_settings() -> Result<InquirySettings, AppError> {
    let p = principal().await?;
    service::get_inquiry_settings(&state()?, p.as_staff()?).await
}

/// Saves the SLA (1 to 10,080 minutes) and the WeCom robot URL (`https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…`; empty turns it off); the URL must reach a public address (admin).
#[server(prefix = "/api", endpoint = "save_inquiry_settings", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn save_inquiry_settings(
    input: InquirySettingsForSave,
) -> Result<InquirySettings, AppError> {
    let p = principal().await?;
    service::save_inquiry_settings(&state()?, p.as_staff()?, &input).await
}

/// Sends a test message to the WeCom robot now (推送测试机器人), to `url` or the saved one, and reports its answer: `ok` for errcode 0, else the errcode and errmsg or why it was not reached (admin).
#[server(prefix = "/api", endpoint = "send_robot_test", input = Json, input_derive = (Clone, serde::Serialize, serde::Deserialize, schemars::JsonSchema))]
pub async fn send_robot_test(url: Option<String>) -> Result<RobotTestAnswer, AppError> {
    let p = principal().await?;
    service::send_robot_test(&state()?, p.as_staff()?, url.as_deref()).await
}

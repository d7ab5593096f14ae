//! UI text in zh-CN (default) and English. Every visible string goes through
//! [`t`]; error keys from the core (`phone.invalid`, …) are translated here too.
//! The language is a cookie (`lang`) and, for signed-in people, a column on
//! their account.

use leptos::prelude::*;
pub use shipdesk::auth::Lang;

#[derive(Clone, Copy)]
pub struct I18n(pub RwSignal<Lang>);

pub fn provide_i18n() {
    provide_context(I18n(RwSignal::new(initial_lang())));
}

pub fn lang() -> Lang {
    use_context::<I18n>().map(|i| i.0.get()).unwrap_or_default()
}

pub fn set_lang(l: Lang) {
    if let Some(i) = use_context::<I18n>() {
        i.0.set(l);
    }
}

/// The language of the page being rendered: on the server from the `lang`
/// cookie (or the signed-in account), in the browser from `<html lang>`.
pub fn initial_lang() -> Lang {
    #[cfg(feature = "ssr")]
    {
        crate::server::request_lang()
    }
    #[cfg(not(feature = "ssr"))]
    {
        document()
            .document_element()
            .and_then(|e| e.get_attribute("lang"))
            .and_then(|l| Lang::from_code(&l))
            .unwrap_or_default()
    }
}

/// Translates `key` into the current language (reactive inside closures).
pub fn t(key: &str) -> &'static str {
    tr(lang(), key)
}

/// The message of an error, in the current language.
pub fn error_text(e: &shipdesk::AppError) -> String {
    match e {
        shipdesk::AppError::RateLimited { retry_after_secs } => {
            format!("{} ({}s)", t("error.rate_limited"), retry_after_secs)
        }
        other => t(other.key()).to_owned(),
    }
}

pub fn tr(lang: Lang, key: &str) -> &'static str {
    let (zh, en) = entry(key);
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

fn entry(key: &str) -> (&'static str, &'static str) {
    match key {
        "app.title" => ("Shipdesk 跨境物流平台", "Shipdesk logistics platform"),
        "app.name" => ("Shipdesk", "Shipdesk"),
        "home.tagline" => (
            "FBA 头程物流一站式平台",
            "One platform for FBA freight forwarding",
        ),
        "home.admin" => ("管理端", "Admin console"),
        "home.admin_desc" => (
            "员工登录：客户、员工与业务管理",
            "Staff: customers, staff and operations",
        ),
        "home.h5" => ("移动端 H5", "Mobile (H5)"),
        "home.h5_desc" => ("客户与销售的手机端", "For customers and sales on the phone"),
        "home.portal" => ("直客端", "Customer portal"),
        "home.portal_desc" => (
            "客户工作台：报价、订单、账单",
            "Customer workbench: quotes, orders, bills",
        ),
        "lang.switch" => ("English", "中文"),
        "nav.dashboard" => ("工作台", "Dashboard"),
        "nav.staff" => ("员工管理", "Staff"),
        "nav.customers" => ("客户管理", "Customers"),
        "nav.chat" => ("在线客服", "Customer service"),
        "chat.attach" => ("发送图片或文件", "Send an image or a file"),
        "chat.uploading" => ("上传中…", "Uploading…"),
        "attachment.type_refused" => (
            "不支持的文件类型（支持图片、PDF、Excel、Word、ZIP、CSV、TXT）",
            "File type not allowed (images, PDF, Excel, Word, ZIP, CSV, TXT)",
        ),
        "attachment.too_large" => ("文件不能超过 10 MB", "Files are limited to 10 MB"),
        "attachment.empty" => ("文件是空的", "The file is empty"),
        "attachment.name_invalid" => ("文件名无效", "Invalid file name"),
        "attachment.unknown" => ("附件不存在", "No such attachment"),
        "attachment.not_image" => ("该附件不是图片", "That attachment is not an image"),
        "attachment.incomplete" => ("文件没有传完，请重试", "The upload was cut off, please retry"),
        "attachment.daily_quota" => (
            "今天的上传已达上限，请明天再试",
            "Today's upload allowance is used up, try again tomorrow",
        ),
        "api_token.name_invalid" => ("名称为 1–40 个字", "Name: 1–40 characters"),
        "tokens.title" => ("API 令牌", "API tokens"),
        "tokens.hint" => (
            "供集成系统和旧版客户端使用（请求头 token），权限与你的账号相同；重置密码或停用账号后全部失效。",
            "For integrations and old clients (header `token`); they act as you, and end when your password is reset or your account disabled.",
        ),
        "tokens.name" => ("令牌名称", "Token name"),
        "tokens.create" => ("生成令牌", "Create token"),
        "tokens.copy_now" => (
            "请立即复制，关闭后无法再次查看：",
            "Copy it now; it will not be shown again:",
        ),
        "tokens.revoke" => ("吊销", "Revoke"),
        "tokens.revoked" => ("已吊销", "Revoked"),
        "tokens.last_used" => ("最近使用", "Last used"),
        "tokens.never" => ("从未使用", "Never used"),
        "tokens.inactive" => ("已失效", "No longer valid"),
        "tokens.expires" => ("有效期至 ", "Valid until "),
        "tokens.no_expiry" => ("永久有效", "No expiry"),
        "tokens.expiry" => ("有效期", "Validity"),
        "tokens.days_30" => ("30 天", "30 days"),
        "tokens.days_90" => ("90 天", "90 days"),
        "tokens.days_365" => ("1 年", "1 year"),
        "tokens.all_accounts" => ("显示全部账号的令牌", "Show every account's tokens"),
        "api_token.expiry_invalid" => ("有效期为 1–3650 天", "Validity: 1–3650 days"),
        "nav.webhooks" => ("回调订阅", "Webhooks"),
        "webhooks.title" => ("回调地址与事件订阅", "Webhooks"),
        "webhooks.hint" => ("事件以 JSON POST 到回调地址，带 X-Shipdesk-Signature（HMAC-SHA256，密钥仅在添加或更换时显示一次）；失败按 10s、20s、40s… 重试。只能回调公网地址。", "Events are POSTed as JSON with X-Shipdesk-Signature (HMAC-SHA256; the secret is shown once, when added or rotated); failures retry after 10 s, 20 s, 40 s… Only public addresses are called."),
        "webhooks.add" => ("添加订阅", "Add webhook"),
        "webhooks.active" => ("启用中", "Active"),
        "webhooks.paused" => ("已暂停", "Paused"),
        "webhooks.pause" => ("暂停", "Pause"),
        "webhooks.resume" => ("启用", "Resume"),
        "webhooks.log" => ("投递记录", "Deliveries"),
        "webhooks.secret" => ("签名密钥", "Signing secret"),
        "webhooks.rotate" => ("更换密钥", "Rotate secret"),
        "webhooks.copy_now" => (
            "新的签名密钥，请立即复制，之后无法再次查看：",
            "new signing secret; copy it now, it will not be shown again:",
        ),
        "webhooks.no_deliveries" => ("还没有投递", "No deliveries yet"),
        "webhooks.event" => ("事件", "Event"),
        "webhooks.event_id" => ("事件 ID", "Event id"),
        "webhooks.attempts" => ("次数", "Attempts"),
        "webhooks.answer" => ("响应", "Answer"),
        "webhooks.at" => ("时间", "At"),
        "webhooks.delivered" => ("已送达", "Delivered"),
        "webhooks.pending" => ("待重试", "Pending"),
        "webhooks.failed" => ("失败", "Failed"),
        "webhook.url_invalid" => ("请输入 http(s) 开头的回调地址", "Enter an http(s) callback URL"),
        "webhook.url_forbidden" => (
            "回调地址须为公网地址（内网、本机地址不可用）",
            "The callback URL must be a public address (not internal or loopback)",
        ),
        "webhook.event_unknown" => ("未知事件", "Unknown event"),
        "webhook.events_empty" => ("至少选择一个事件", "Choose at least one event"),
        "webhook.status_invalid" => ("状态无效", "Invalid status"),
        "chat.settings" => ("客服设置", "Service settings"),
        "chat.desks" => ("咨询类型", "Desks"),
        "chat.reassign_after" => ("无人回复", "Reassign after"),
        "chat.minutes" => ("分钟后转派", "minutes"),
        "chat.no_reassign" => ("不自动转派", "No automatic reassignment"),
        "chat.desk_code" => ("代码，如 presales", "Code, e.g. presales"),
        "chat.desk_zh" => ("中文名称", "Chinese name"),
        "chat.desk_en" => ("英文名称", "English name"),
        "chat.reassign_minutes" => ("无人回复几分钟后转派（选填）", "Reassign after N minutes (optional)"),
        "chat.add_desk" => ("添加咨询类型", "Add desk"),
        "chat.canned" => ("快捷回复", "Canned replies"),
        "chat.canned_title" => ("标题", "Title"),
        "chat.canned_body" => ("回复内容", "Reply text"),
        "chat.all_desks" => ("全部咨询类型", "All desks"),
        "chat.add_canned" => ("添加快捷回复", "Add canned reply"),
        "chat.delete" => ("删除", "Delete"),
        "chat.agents_board" => ("客服与负载", "Agents and load"),
        "chat.no_cs_staff" => ("还没有客服角色的员工", "No staff with the customer-service role yet"),
        "chat.load" => ("接待中/上限", "Open / cap"),
        "chat.cap" => ("接待上限", "Cap"),
        "chat.start_with" => ("发起会话", "Start a conversation"),
        "chat.title" => ("在线客服", "Customer service"),
        "chat.start" => ("咨询客服", "Talk to us"),
        "chat.console" => ("客服工作台", "Service console"),
        "chat.choose_role" => ("选择咨询类型", "What is it about?"),
        "chat.no_roles" => ("暂未开通客服", "No service desks yet"),
        "chat.my_conversations" => ("我的会话", "My conversations"),
        "chat.none_yet" => ("还没有会话", "No conversations yet"),
        "chat.no_messages" => ("还没有消息，说点什么吧", "No messages yet — say hello"),
        "chat.note" => (
            "内部备注（客户不可见）",
            "Internal note (hidden from the customer)",
        ),
        "chat.recalled" => ("消息已撤回", "Message recalled"),
        "chat.read" => ("已读", "Read"),
        "chat.unread" => ("未读", "Unread"),
        "chat.quote" => ("引用", "Quote"),
        "chat.recall" => ("撤回", "Recall"),
        "chat.sending" => ("发送中", "sending"),
        "chat.typing" => ("对方正在输入…", "Typing…"),
        "chat.reconnecting" => ("连接中断，正在重连…", "Connection lost, reconnecting…"),
        "chat.read_only" => (
            "该会话不由你处理，只能查看",
            "Not your conversation: read only",
        ),
        "chat.quoting" => ("引用消息", "Quoting message"),
        "chat.as_note" => ("备注", "Note"),
        "chat.placeholder" => ("输入消息，Enter 发送", "Type a message, Enter to send"),
        "chat.send" => ("发送", "Send"),
        "chat.status_queued" => ("排队中", "Queued"),
        "chat.status_open" => ("进行中", "Open"),
        "chat.status_resolved" => ("已结束", "Resolved"),
        "chat.tab_current" => ("当前", "Current"),
        "chat.tab_unreplied" => ("未回复", "Unreplied"),
        "chat.tab_queue" => ("排队", "Queue"),
        "chat.tab_history" => ("历史", "History"),
        "chat.my_status" => ("我的状态", "My status"),
        "chat.agent_online" => ("在线", "Online"),
        "chat.agent_busy" => ("忙碌", "Busy"),
        "chat.agent_offline" => ("离线", "Offline"),
        "chat.search_customer" => ("客户姓名或手机号", "Customer name or phone"),
        "chat.list_empty" => ("这里没有会话", "No conversations here"),
        "chat.pick_one" => ("从左侧选择一个会话", "Pick a conversation on the left"),
        "chat.side_empty" => ("客户资料会显示在这里", "The customer's details show here"),
        "chat.customer" => ("客户", "Customer"),
        "chat.company" => ("公司", "Company"),
        "chat.role" => ("咨询类型", "Desk"),
        "chat.assignee" => ("接待客服", "Agent"),
        "chat.claim" => ("接入", "Claim"),
        "chat.resolve" => ("结束会话", "Resolve"),
        "chat.reactivate" => ("激活会话", "Re-activate"),
        "chat.take_over" => ("接管", "Take over"),
        "chat.release" => ("结束接管", "Release"),
        "chat.transfer" => ("转接", "Transfer"),
        "chat.pick_target" => ("转给客服或咨询类型", "To an agent or a desk"),
        "chat.to_agent" => ("客服", "Agents"),
        "chat.to_desk" => ("咨询类型（排队）", "Desks (queue)"),
        "chat.transfer_note" => ("转接备注（选填）", "Note for the colleague (optional)"),
        "chat.tab_invalid" => ("列表类型无效", "Unknown list"),
        "ws.bad_frame" => ("无法识别的消息格式", "Unreadable frame"),
        "ws.too_many_cursors" => ("一次同步的会话过多", "Too many conversations in one resume"),
        "send.rate_limited" => (
            "发送太快了，请稍候再发",
            "You are sending too fast; wait a moment",
        ),
        "transfer.note_too_long" => ("转接备注最多 500 字", "The note is at most 500 characters"),
        "transfer.same_agent" => ("已经是该客服在接待", "That agent already has it"),
        "transfer.same_role" => ("已在该咨询类型中", "It is already in that desk"),
        "transfer.agent_not_in_role" => (
            "该客服不负责此咨询类型",
            "That agent does not serve this desk",
        ),
        "conversation.changed" => (
            "会话刚刚被他人更改，请刷新",
            "The conversation just changed; refresh",
        ),
        "conversation.not_taken_over" => (
            "你没有接管该会话",
            "You have not taken this conversation over",
        ),
        "conversation.not_resolved" => ("会话尚未结束", "The conversation is not resolved"),
        "conversation.assigned_elsewhere" => (
            "该客户的会话正由其他客服接待",
            "Another agent has this customer's conversation",
        ),
        "canned.title_invalid" => ("标题为 1–40 个字", "Title: 1–40 characters"),
        "member.disabled" => ("该客户账号已停用", "This customer's account is disabled"),
        "nav.logout" => ("退出登录", "Sign out"),
        "nav.me" => ("我的", "Me"),
        "login.staff_title" => ("员工登录", "Staff sign-in"),
        "login.member_title" => ("客户登录", "Customer sign-in"),
        "login.account" => ("账号", "Account"),
        "login.password" => ("密码", "Password"),
        "login.phone" => ("手机号", "Phone number"),
        "login.code" => ("验证码", "Verification code"),
        "login.get_code" => ("获取验证码", "Get code"),
        "login.resend_in" => ("秒后重发", "s to resend"),
        "login.code_sent" => ("验证码已发送", "Code sent"),
        "login.dev_code" => ("开发模式验证码：", "Dev mode code: "),
        "login.submit" => ("登录", "Sign in"),
        "login.signing_in" => ("登录中…", "Signing in…"),
        "login.bad_credentials" => ("账号或密码错误", "Wrong account or password"),
        "dashboard.welcome" => ("欢迎回来", "Welcome back"),
        "dashboard.roles" => ("你的角色", "Your roles"),
        "dashboard.hint" => ("从左侧菜单开始工作。", "Start from the menu on the left."),
        "role.admin" => ("管理员", "Admin"),
        "role.cs" => ("客服", "Customer service"),
        "role.sales" => ("销售", "Sales"),
        "role.ops" => ("运营", "Operations"),
        "role.finance" => ("财务", "Finance"),
        "role.provider" => ("服务商", "Provider"),
        "staff.title" => ("员工管理", "Staff"),
        "staff.new" => ("新建员工", "New staff member"),
        "staff.name" => ("姓名", "Name"),
        "staff.roles" => ("角色", "Roles"),
        "staff.status" => ("状态", "Status"),
        "staff.active" => ("正常", "Active"),
        "staff.disabled" => ("已停用", "Disabled"),
        "staff.disable" => ("停用", "Disable"),
        "staff.enable" => ("启用", "Enable"),
        "staff.reset_password" => ("重置密码", "Reset password"),
        "staff.new_password" => ("新密码", "New password"),
        "staff.edit_roles" => ("修改角色", "Edit roles"),
        "staff.created" => ("员工已创建", "Staff member created"),
        "staff.saved" => ("已保存", "Saved"),
        "staff.password_reset" => ("密码已重置", "Password reset"),
        "staff.confirm_disable" => (
            "确定停用该员工？停用后立即无法登录。",
            "Disable this account? They are signed out at once.",
        ),
        "staff.cannot_drop_own_admin" => (
            "不能移除自己的管理员角色",
            "You cannot remove your own admin role",
        ),
        "staff.cannot_disable_self" => {
            ("不能停用自己的账号", "You cannot disable your own account")
        }
        "staff.all_roles" => ("全部角色", "All roles"),
        "staff.created_at" => ("创建时间", "Created"),
        "customers.title" => ("客户管理", "Customers"),
        "customers.new" => ("新建客户", "New customer"),
        "customers.search" => (
            "搜索公司名称、客户编码或成员手机号",
            "Search by name, code or member phone",
        ),
        "customers.name" => ("公司名称", "Company name"),
        "customers.code" => ("客户编码", "Customer code"),
        "customers.code_hint" => ("留空自动生成", "Leave empty to generate"),
        "customers.owner" => ("归属销售", "Owner salesperson"),
        "customers.no_owner" => ("未分配", "Unassigned"),
        "customers.certification" => ("企业认证", "Certification"),
        "customers.all_certifications" => ("全部认证状态", "Any certification"),
        "customers.members" => ("成员", "Members"),
        "customers.member_count" => ("成员数", "Members"),
        "customers.contact_name" => ("联系人", "Contact"),
        "customers.contact_phone" => ("联系电话", "Contact phone"),
        "customers.address" => ("地址", "Address"),
        "customers.created" => ("客户已创建", "Customer created"),
        "customers.saved" => ("客户资料已保存", "Customer saved"),
        "customers.add_member" => ("添加成员", "Add member"),
        "customers.member_added" => ("成员已添加", "Member added"),
        "customers.member_name" => ("成员姓名", "Member name"),
        "customers.profile" => ("公司资料", "Company profile"),
        "customers.back" => ("返回客户列表", "Back to customers"),
        "customers.change_owner" => ("更换归属销售", "Change owner"),
        "customers.edit" => ("编辑资料", "Edit profile"),
        "cert.none" => ("未认证", "Not certified"),
        "cert.pending" => ("认证中", "Pending"),
        "cert.certified" => ("已认证", "Certified"),
        "cert.rejected" => ("认证未通过", "Rejected"),
        "common.search" => ("搜索", "Search"),
        "common.save" => ("保存", "Save"),
        "common.saving" => ("保存中…", "Saving…"),
        "common.cancel" => ("取消", "Cancel"),
        "common.create" => ("创建", "Create"),
        "common.actions" => ("操作", "Actions"),
        "common.view" => ("查看", "View"),
        "common.loading" => ("加载中…", "Loading…"),
        "common.empty" => ("暂无数据", "Nothing here yet"),
        "common.no_match" => ("没有符合条件的结果", "No results match"),
        "common.prev" => ("上一页", "Previous"),
        "common.next" => ("下一页", "Next"),
        "common.total" => ("共", "Total"),
        "common.items" => ("条", "items"),
        "common.page" => ("页", "page"),
        "common.confirm" => ("确定", "Confirm"),
        "me.title" => ("我的", "Me"),
        "me.company" => ("我的公司", "My company"),
        "me.members" => ("公司成员", "Company members"),
        "portal.workbench" => ("工作台", "Workbench"),
        "portal.profile" => ("公司资料", "Company profile"),
        "notfound.title" => ("页面不存在", "Page not found"),
        "notfound.body" => (
            "你访问的页面不存在或已被移除。",
            "The page you asked for does not exist.",
        ),
        "notfound.home" => ("返回首页", "Go home"),
        // Errors from the core, by key.
        "error.unauthorized" => ("请先登录", "Please sign in"),
        "error.forbidden" => ("没有权限执行此操作", "You are not allowed to do this"),
        "error.not_found" => ("记录不存在", "Not found"),
        "error.rate_limited" => (
            "尝试次数过多，请稍后再试",
            "Too many attempts, try again later",
        ),
        "error.internal" => (
            "服务器开小差了，请稍后再试",
            "Something went wrong, please try again",
        ),
        "error.bad_request" => ("请求格式不正确", "The request is malformed"),
        "error.required" => ("必填", "Required"),
        "field.required" => ("必填", "Required"),
        "error.duplicate" => ("已存在", "Already exists"),
        "phone.required" => ("请输入手机号", "Enter a phone number"),
        "phone.invalid" => (
            "请输入正确的 11 位手机号",
            "Enter a valid 11-digit mobile number",
        ),
        "phone.taken" => (
            "该手机号已是其他客户的成员",
            "This phone already belongs to a member",
        ),
        "code.required" => ("请输入验证码", "Enter the code"),
        "code.invalid" => ("验证码错误", "Wrong code"),
        "code.expired" => (
            "验证码已过期，请重新获取",
            "The code expired, request a new one",
        ),
        "code.too_many_attempts" => (
            "错误次数过多，请重新获取验证码",
            "Too many wrong tries, request a new code",
        ),
        "account.required" => ("请输入账号", "Enter the account"),
        "account.invalid" => (
            "账号为 3–32 位字母、数字或 _ . -",
            "3–32 letters, digits, _ . or -",
        ),
        "account.taken" => ("账号已存在", "This account exists already"),
        "account.disabled" => ("账号已停用", "This account is disabled"),
        "password.required" => ("请输入密码", "Enter the password"),
        "password.length" => ("密码长度为 8–128 位", "8–128 characters"),
        "password.weak" => ("密码需同时包含字母和数字", "Use letters and digits"),
        "name.required" => ("请输入姓名", "Enter a name"),
        "name.too_long" => ("姓名最多 50 个字", "At most 50 characters"),
        "roles.required" => ("至少选择一个角色", "Choose at least one role"),
        "roles.invalid" => ("角色无效", "Unknown role"),
        "company_name.required" => ("请输入公司名称", "Enter the company name"),
        "company_name.too_short" => ("公司名称至少 2 个字", "At least 2 characters"),
        "company_name.too_long" => ("公司名称最多 100 个字", "At most 100 characters"),
        "customer_code.invalid" => ("客户编码为 3–20 位字母或数字", "3–20 letters or digits"),
        "customer_code.taken" => ("客户编码已存在", "This customer code exists already"),
        "certification.invalid" => ("认证状态无效", "Unknown certification status"),
        "owner.not_sales" => (
            "归属人必须是在职销售",
            "The owner must be an active salesperson",
        ),
        "text.too_long" => ("内容过长", "Too long"),
        "page.invalid" => ("页码无效", "Invalid page"),
        "page.size_invalid" => ("每页条数为 1–100", "Page size is 1–100"),
        "conversation.status_invalid" => ("会话状态无效", "Unknown conversation status"),
        "conversation.not_queued" => ("该会话已被接入", "This conversation is no longer waiting"),
        "conversation.other_active" => (
            "该客服角色下已有进行中的会话",
            "Another conversation with this role is open",
        ),
        "message.kind_invalid" => ("消息类型无效", "Unknown message type"),
        "message.sender_invalid" => ("发送方无效", "Unknown sender"),
        "message.empty" => ("请输入消息内容", "Write a message"),
        "message.too_long" => ("消息最多 5000 个字", "At most 5,000 characters"),
        "message.card_invalid" => ("卡片内容格式不正确", "The card is malformed"),
        "message.kind_not_allowed" => ("不能发送此类消息", "You cannot send this kind of message"),
        "message.seq_invalid" => ("引用的消息不存在", "The quoted message does not exist"),
        "message.recall_expired" => (
            "只能撤回 2 分钟内的消息",
            "Messages can be recalled within 2 minutes",
        ),
        "agent.status_invalid" => ("客服状态无效", "Unknown agent status"),
        "agent.offline" => ("客服不在线", "The agent is offline"),
        "agent.at_capacity" => (
            "已达到同时接待上限",
            "The agent is at their limit of conversations",
        ),
        "agent.not_cs" => ("该员工不是客服", "This staff member is not an agent"),
        "agent.max_invalid" => ("同时接待上限为 1–50", "The limit is 1–50"),
        "cs_role.code_invalid" => (
            "代码为 2–32 位小写字母、数字、_ 或 -",
            "2–32 letters, digits, _ or -",
        ),
        "cs_role.code_taken" => ("该代码已存在", "This role code exists already"),
        "cs_role.unknown" => ("客服角色不存在", "Unknown service role"),
        _ => ("", ""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every `"…"` literal that follows one of `markers` in the Rust files under `dir`.
    fn literals_after(dir: &std::path::Path, markers: &[&str], out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                literals_after(&path, markers, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                for m in markers {
                    for (i, _) in text.match_indices(m) {
                        let rest = &text[i + m.len()..];
                        if let Some(end) = rest.find('"') {
                            out.push(rest[..end].to_owned());
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn every_key_the_code_uses_is_translated() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut keys = vec![];
        literals_after(
            &root.join("src"),
            &["t(\"", "label=\"", "placeholder=\"", "=> \"", "login=\""],
            &mut keys,
        );
        let mut core = vec![];
        literals_after(&root.join("../src"), &["\", \"", "key: \""], &mut core);
        keys.extend(core);
        let keys: Vec<_> = keys
            .into_iter()
            .filter(|k| {
                k.contains('.')
                    && !k.contains(' ')
                    && !k.contains('/')
                    && k.starts_with(|c: char| c.is_ascii_lowercase())
            })
            .collect();
        assert!(keys.len() > 50, "the scan found the keys ({})", keys.len());
        let missing: Vec<_> = keys
            .iter()
            .filter(|k| tr(Lang::Zh, k).is_empty() || tr(Lang::En, k).is_empty())
            .collect();
        assert!(missing.is_empty(), "keys without text: {missing:?}");
    }

    #[test]
    fn every_key_has_both_languages() {
        for key in [
            "app.title",
            "phone.invalid",
            "error.rate_limited",
            "customers.search",
        ] {
            assert!(!tr(Lang::Zh, key).is_empty(), "{key}");
            assert!(!tr(Lang::En, key).is_empty(), "{key}");
        }
        assert_eq!(tr(Lang::En, "login.submit"), "Sign in");
        assert_eq!(tr(Lang::Zh, "login.submit"), "登录");
    }
}

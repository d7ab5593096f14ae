//! Text of signing in (staff and customers), roles and API tokens, with the
//! messages of the auth core's validation errors.
//!
//! Each entry is `NAME = "中文", "English";`. A name that is not declared,
//! a missing language or an empty text is a compile error.

use crate::i18n::{lang, Lang};

crate::i18n::texts! {
    // api_token.*
    API_TOKEN_NAME_INVALID = "名称为 1–40 个字", "Name: 1–40 characters";
    API_TOKEN_EXPIRY_INVALID = "有效期为 1–3650 天", "Validity: 1–3650 days";

    // tokens.*
    TOKENS_TITLE = "API 令牌", "API tokens";
    TOKENS_HINT = "供集成系统和旧版客户端使用（请求头 token），权限与你的账号相同；重置密码或停用账号后全部失效。", "For integrations and old clients (header `token`); they act as you, and end when your password is reset or your account disabled.";
    TOKENS_NAME = "令牌名称", "Token name";
    TOKENS_CREATE = "生成令牌", "Create token";
    TOKENS_COPY_NOW = "请立即复制，关闭后无法再次查看：", "Copy it now; it will not be shown again:";
    TOKENS_REVOKE = "吊销", "Revoke";
    TOKENS_REVOKED = "已吊销", "Revoked";
    TOKENS_NEVER = "从未使用", "Never used";
    TOKENS_INACTIVE = "已失效", "No longer valid";
    TOKENS_NO_EXPIRY = "永久有效", "No expiry";
    TOKENS_EXPIRY = "有效期", "Validity";
    TOKENS_DAYS_30 = "30 天", "30 days";
    TOKENS_DAYS_90 = "90 天", "90 days";
    TOKENS_DAYS_365 = "1 年", "1 year";
    TOKENS_ALL_ACCOUNTS = "显示全部账号的令牌", "Show every account's tokens";

    // login.*
    LOGIN_STAFF_TITLE = "员工登录", "Staff sign-in";
    LOGIN_MEMBER_TITLE = "客户登录", "Customer sign-in";
    LOGIN_ACCOUNT = "账号", "Account";
    LOGIN_PASSWORD = "密码", "Password";
    LOGIN_PHONE = "手机号", "Phone number";
    LOGIN_CODE = "验证码", "Verification code";
    LOGIN_GET_CODE = "获取验证码", "Get code";
    LOGIN_CODE_SENT = "验证码已发送", "Code sent";
    LOGIN_SUBMIT = "登录", "Sign in";
    LOGIN_SIGNING_IN = "登录中…", "Signing in…";
    LOGIN_BAD_CREDENTIALS = "账号或密码错误", "Wrong account or password";

    // role.*
    ROLE_ADMIN = "管理员", "Admin";
    ROLE_CS = "客服", "Customer service";
    ROLE_SALES = "销售", "Sales";
    ROLE_OPS = "运营", "Operations";
    ROLE_FINANCE = "财务", "Finance";
    ROLE_PROVIDER = "服务商", "Provider";

    // phone.*
    PHONE_REQUIRED = "请输入手机号", "Enter a phone number";
    PHONE_INVALID = "请输入正确的 11 位手机号", "Enter a valid 11-digit mobile number";
    PHONE_TAKEN = "该手机号已是其他客户的成员", "This phone already belongs to a member";

    // code.*
    CODE_REQUIRED = "请输入验证码", "Enter the code";
    CODE_INVALID = "验证码错误", "Wrong code";
    CODE_EXPIRED = "验证码已过期，请重新获取", "The code expired, request a new one";
    CODE_TOO_MANY_ATTEMPTS = "错误次数过多，请重新获取验证码", "Too many wrong tries, request a new code";

    // account.*
    ACCOUNT_REQUIRED = "请输入账号", "Enter the account";
    ACCOUNT_INVALID = "账号为 3–32 位字母、数字或 _ . -", "3–32 letters, digits, _ . or -";
    ACCOUNT_TAKEN = "账号已存在", "This account exists already";

    // password.*
    PASSWORD_REQUIRED = "请输入密码", "Enter the password";
    PASSWORD_LENGTH = "密码长度为 8–128 位", "8–128 characters";
    PASSWORD_WEAK = "密码需同时包含字母和数字", "Use letters and digits";

    // name.*
    NAME_REQUIRED = "请输入姓名", "Enter a name";
    NAME_TOO_LONG = "姓名最多 50 个字", "At most 50 characters";

    // roles.*
    ROLES_REQUIRED = "至少选择一个角色", "Choose at least one role";
    ROLES_INVALID = "角色无效", "Unknown role";
}

/// The code button while it cools down: `42秒后重发` / `42s to resend`.
pub fn login_resend_in(secs: u32) -> String {
    match lang() {
        Lang::Zh => format!("{secs}秒后重发"),
        Lang::En => format!("{secs}s to resend"),
    }
}

/// The code shown under the form in dev mode.
pub fn login_dev_code(code: &str) -> String {
    match lang() {
        Lang::Zh => format!("开发模式验证码：{code}"),
        Lang::En => format!("Dev mode code: {code}"),
    }
}

/// When a token stops working (`at` is a formatted instant).
pub fn tokens_expires(at: &str) -> String {
    match lang() {
        Lang::Zh => format!("有效期至 {at}"),
        Lang::En => format!("Valid until {at}"),
    }
}

/// When a token was last used (`at` is a formatted instant).
pub fn tokens_last_used(at: &str) -> String {
    match lang() {
        Lang::Zh => format!("最近使用 {at}"),
        Lang::En => format!("Last used {at}"),
    }
}

/// The resend cooldown still running (the server refused a resend).
pub fn login_cooldown(secs: u32) -> String {
    match lang() {
        Lang::Zh => format!("验证码刚发送过，请 {secs} 秒后再重新获取"),
        Lang::En => format!("A code was sent a moment ago: ask again in {secs} s"),
    }
}

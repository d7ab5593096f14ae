//! Text of the partner apps page and the partner core's errors.
//!
//! Each entry is `NAME = "中文", "English";`.

crate::i18n::texts! {
    TITLE = "合作方应用", "Partner apps";
    HINT = "合作方系统用应用 ID 和密钥签名（HMAC-SHA256，签名串为 app_id + timestamp + nonce）换取 Bearer 令牌，再以应用自己的账号调用所选接口：只能调用勾选的接口、只能看到所选客户公司，每分钟不超过限额。密钥只在创建或更换时显示一次。", "Partner systems sign app_id + timestamp + nonce with their secret (HMAC-SHA256) for a bearer token, then call the chosen functions as the app's own account: only those functions, only the chosen customer companies, within the rate a minute. The secret is shown once, when created or rotated.";
    NEW = "新建应用", "New app";
    EDIT = "修改", "Edit";
    NAME = "应用名称", "App name";
    ROLES = "以哪些角色调用", "Acts with the roles";
    FUNCTIONS = "可调用的接口", "Functions it may call";
    COMPANIES = "可访问的客户公司", "Customer companies";
    ALL_COMPANIES = "全部客户公司", "Every customer company";
    NO_COMPANIES = "还没有客户公司", "No customer companies yet";
    RATE = "每分钟调用上限", "Calls a minute";
    LOGIN_STAFF = "可授权登录的员工账号（逗号分隔）", "Staff accounts it may sign in (comma-separated)";
    LOGIN_MEMBERS = "可授权登录其客户公司的成员", "May sign in members of its companies";
    SAVE = "保存", "Save";
    CREATE = "创建应用", "Create app";
    CANCEL = "取消", "Cancel";
    CREATED = "应用已创建。", "App created.";
    SAVED = "已保存。", "Saved.";
    SECRET_ONCE = "应用密钥，请立即复制，之后无法再次查看：", "The app secret; copy it now, it will not be shown again:";
    APP_ID = "应用 ID", "App ID";
    ACCOUNT = "应用账号", "Account";
    ENABLED = "启用中", "Enabled";
    DISABLED = "已停用", "Disabled";
    DISABLE = "停用", "Disable";
    ENABLE = "启用", "Enable";
    CONFIRM_DISABLE = "停用后，该应用的令牌和登录链接立即失效。确定停用？", "Disabling ends the app's tokens and login links at once. Disable it?";
    ROTATE = "更换密钥", "Rotate secret";
    CONFIRM_ROTATE = "更换后旧密钥立即失效，已签发的令牌全部作废。确定更换？", "The old secret and every token issued with it stop at once. Rotate?";
    LOG = "调用记录", "Request log";
    HIDE_LOG = "收起记录", "Hide log";
    NO_REQUESTS = "还没有调用记录", "No requests yet";
    FAILED_ONLY = "只看失败", "Failures only";
    FUNCTION = "接口", "Function";
    STATUS = "状态码", "Status";
    LATENCY = "耗时", "Latency";
    ERROR = "错误", "Error";
    AT = "时间", "At";
    EMPTY = "还没有合作方应用。新建一个，把应用 ID 和密钥交给对方系统。", "No partner apps yet. Create one and give its ID and secret to the partner's system.";
    FUNCTIONS_COUNT = "个接口", " functions";
    RATE_UNIT = "次/分钟", "/min";
    // Errors of the partner core.
    NAME_INVALID = "应用名称为 1–40 个字符", "The app name is 1 to 40 characters";
    FUNCTION_UNKNOWN = "没有这个接口", "No such function";
    FUNCTIONS_EMPTY = "至少选择一个接口", "Choose at least one function";
    RATE_INVALID = "每分钟调用上限为 1–6000", "Calls a minute: 1 to 6,000";
    COMPANY_UNKNOWN = "没有这个客户公司", "No such customer company";
    ACCOUNT_UNKNOWN = "没有这个员工账号", "No such staff account";
    SIGNATURE_INVALID = "签名不正确", "The signature does not match";
    TIMESTAMP_EXPIRED = "时间戳已过期或与服务器时间相差太多", "The timestamp is too old or too far from the server's clock";
    NONCE_INVALID = "nonce 为 8–64 位字母、数字、- 或 _", "The nonce is 8 to 64 letters, digits, - or _";
    NONCE_REUSED = "nonce 已使用过，请换一个", "This nonce was used before";
    APP_DISABLED = "应用已停用", "The app is disabled";
    LOGIN_NOT_ALLOWED = "该应用无权为这个用户登录", "The app may not sign this user in";
}

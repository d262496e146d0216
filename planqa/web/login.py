"""The chat page's optional login (PLANQA_UI_USER / PLANQA_UI_PASSWORD): a Chinese login page,
a signed session cookie, and an explanation where a browser cannot keep a login at all.

The cookie is ``SameSite=None; Secure`` over HTTPS, so that a portal on another site can embed
the logged-in chat; over plain http it can only be ``SameSite=Lax``, which a browser does not
send to a page inside another site's iframe. The login page says so when it finds itself there,
instead of returning silently to an empty form.
"""

import hashlib
import hmac
import html
import secrets
import time

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse

COOKIE = "planqa-session"
SESSION_SECONDS = 12 * 3600


class Login:
    def __init__(self, user: str, password: str, secret: bytes | None = None):
        self.user, self.password = user, password
        self.secret = secret or secrets.token_bytes(32)  # a restart logs everyone out

    def _sign(self, text: str) -> str:
        return hmac.new(self.secret, text.encode(), hashlib.sha256).hexdigest()

    def issue(self, now: float | None = None) -> str:
        expires = int((now or time.time()) + SESSION_SECONDS)
        body = f"{expires}.{secrets.token_hex(8)}"
        return f"{body}.{self._sign(body)}"

    def check(self, credentials: tuple[str, str]) -> bool:
        user, password = credentials
        return (secrets.compare_digest(user.strip().encode(), self.user.encode())
                & secrets.compare_digest(password.encode(), self.password.encode()))

    def user_of(self, request: Request) -> str | None:
        """The logged-in user, or None (Gradio's ``auth_dependency``)."""
        token = request.cookies.get(COOKIE, "")
        body, _, signature = token.rpartition(".")
        if not body or not hmac.compare_digest(signature, self._sign(body)):
            return None
        expires = body.split(".", 1)[0]
        return self.user if expires.isdigit() and int(expires) > time.time() else None


def _secure(request: Request) -> bool:
    return request.url.scheme == "https"


def add_login(app: FastAPI, login: Login) -> None:
    """/login and /logout, and the login page at "/" for a browser that is not logged in."""

    @app.post("/login", include_in_schema=False)
    async def do_login(request: Request):
        form = await request.form()
        by_script = request.headers.get("x-requested-with") == "fetch"
        root = request.scope.get("root_path") or ""
        if not login.check((str(form.get("username", "")), str(form.get("password", "")))):
            if not by_script:  # a browser without scripts posted the form itself
                return HTMLResponse(login_html(root, "用户名或密码不对"), status_code=400)
            return JSONResponse({"error": "用户名或密码不对"}, status_code=400)
        response = JSONResponse({"ok": True}) if by_script else RedirectResponse(root + "/", status_code=303)
        response.set_cookie(COOKIE, login.issue(), max_age=SESSION_SECONDS, httponly=True,
                            path=(request.scope.get("root_path") or "") + "/",
                            samesite="none" if _secure(request) else "lax", secure=_secure(request))
        return response

    @app.get("/logout", include_in_schema=False)
    def logout(request: Request):
        root = request.scope.get("root_path") or ""
        response = RedirectResponse(root + "/", status_code=303)
        response.delete_cookie(COOKIE, path=root + "/")
        return response

    @app.middleware("http")
    async def login_page(request: Request, call_next):
        path = request.scope["path"].removeprefix(request.scope.get("root_path") or "")
        if request.method == "GET" and path in ("/", "") and login.user_of(request) is None:
            return HTMLResponse(login_html(request.scope.get("root_path") or ""))
        return await call_next(request)


def login_html(root: str, error: str = "") -> str:
    action = html.escape(root + "/login", quote=True)
    return LOGIN_PAGE.replace("{action}", action).replace("{error}", html.escape(error))


LOGIN_PAGE = """<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>登录 · 计划问答助手</title>
<style>
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",system-ui,sans-serif;margin:0;background:#f9fafb;color:#111}
main{max-width:380px;margin:48px auto;padding:24px;background:#fff;border:1px solid #e5e7eb;border-radius:12px}
h1{font-size:1.3em;margin:0 0 4px}p{margin:4px 0 16px;color:#4b5563}
label{display:block;margin:12px 0 4px;font-weight:600}
input{width:100%;box-sizing:border-box;padding:10px;font-size:16px;border:1px solid #d1d5db;border-radius:8px}
button{margin-top:18px;width:100%;padding:10px;font-size:16px;background:#ea580c;color:#fff;border:0;border-radius:8px}
#error{color:#b91c1c;margin-top:12px;min-height:1em}
#crosssite{display:none;margin-top:16px;padding:12px;border:1px solid #f59e0b;background:#fffbeb;border-radius:8px;font-size:14px;line-height:1.6}
#crosssite p{color:#78350f;margin:0 0 6px}
</style></head>
<body><main>
<h1>请登录计划问答助手</h1>
<p>输入管理员给你的用户名和密码。</p>
<form id="login" method="post" action="{action}">
<label for="username">用户名</label><input id="username" name="username" autocomplete="username" required>
<label for="password">密码</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">登录</button>
<div id="error" role="alert">{error}</div>
</form>
<div id="crosssite" role="note">
<p><strong>在这个门户里无法保持登录。</strong><span id="why"></span></p>
<p>请门户管理员任选其一：① 用 HTTPS 提供计划问答助手（登录状态保存在 SameSite=None; Secure 的 cookie 里，跨站嵌入也有效）；② 把助手和门户放在同一网站下（反向代理加路径前缀，PLANQA_ROOT_PATH）；③ 用嵌入令牌嵌入免登录的聊天页（PLANQA_EMBED_TOKEN，地址 /embed/令牌/）。</p>
<p>现在也可以<a href="" target="_blank" rel="noopener" id="newtab">在新窗口中打开助手</a>并在那里登录。</p>
</div>
<script>
(function () {
  var form = document.getElementById('login'), error = document.getElementById('error');
  var note = document.getElementById('crosssite'), why = document.getElementById('why');
  document.getElementById('newtab').href = location.href;
  function site(host) { return /^[\\d.]+$|:/.test(host) ? host : host.split('.').slice(-2).join('.'); }
  var framed = window.top !== window.self;
  var parent = framed && location.ancestorOrigins && location.ancestorOrigins.length ? location.ancestorOrigins[0] : '';
  var crossSite = framed && (!parent || site(new URL(parent).hostname) !== site(location.hostname));
  function explain(text) { why.textContent = text; note.style.display = 'block'; }
  if (crossSite && location.protocol !== 'https:') {
    explain('本页嵌在另一个网站' + (parent ? '（' + parent + '）' : '') + '的页面里，并通过 http 打开：浏览器不会把登录状态交给嵌在别的网站里的页面，登录后会回到这个表单。');
  } else if (stored() === 'sent') {
    explain('刚才的登录已成功，但浏览器没有保存登录状态（可能禁止了第三方 cookie）。');
  }
  function stored(value) {  // storage may be refused to a page inside another site's iframe
    try { if (value === undefined) { var v = sessionStorage.getItem('planqa-login'); sessionStorage.removeItem('planqa-login'); return v; }
          sessionStorage.setItem('planqa-login', value); } catch (e) { return null; }
  }
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    error.textContent = '';
    fetch(form.action, {method: 'POST', body: new URLSearchParams(new FormData(form)), credentials: 'include',
                        headers: {'X-Requested-With': 'fetch'}})
      .then(function (r) { return r.json().then(function (d) { return [r.ok, d]; }); })
      .then(function (res) {
        if (!res[0]) { error.textContent = res[1].error || '登录失败'; return; }
        stored('sent');
        location.reload();
      })
      .catch(function () { error.textContent = '连不上服务器，请稍后再试'; });
  });
})();
</script>
</main></body></html>
"""

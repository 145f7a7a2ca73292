// A real OpenID Connect provider (the certified npm package oidc-provider) for the login tests.
// Never for production. Configured by environment variables:
//   ISSUER (http://127.0.0.1:PORT), PORT, CLIENT_ID, CLIENT_SECRET, REDIRECT_URI, POST_LOGOUT_REDIRECT_URI,
//   ACCOUNTS (a JSON file).
// The accounts file is read at every login, so a test can change a person's groups between logins:
//   {"ilse": {"password": "...", "sub": "...", "email": "...", "groups": [...], "amr": ["pwd", "mfa"]}}
import fs from "node:fs";
import http from "node:http";
import { URLSearchParams } from "node:url";
import Provider from "oidc-provider";

const { ISSUER, PORT, CLIENT_ID, CLIENT_SECRET, REDIRECT_URI, POST_LOGOUT_REDIRECT_URI, ACCOUNTS } = process.env;

function accounts() {
  return JSON.parse(fs.readFileSync(ACCOUNTS, "utf8"));
}

function bySub(sub) {
  return Object.values(accounts()).find((account) => account.sub === sub);
}

const configuration = {
  clients: [
    {
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      redirect_uris: [REDIRECT_URI],
      post_logout_redirect_uris: [POST_LOGOUT_REDIRECT_URI],
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_post",
    },
  ],
  claims: {
    // How the person authenticated (amr, acr: the MFA claims) goes into every ID token.
    openid: ["sub", "amr", "acr"],
    email: ["email", "email_verified"],
    profile: ["name", "given_name", "family_name"],
    groups: ["groups"],
  },
  acrValues: ["laag", "substantieel", "hoog"],
  scopes: ["openid", "email", "profile", "groups"],
  features: {
    devInteractions: { enabled: false },
    // The end_session_endpoint (RP-Initiated Logout): logging out of Competentie ends the session here too.
    rpInitiatedLogout: {
      enabled: true,
      async logoutSource(ctx, form) {
        ctx.body = `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Uitloggen bij de testprovider</title></head>
<body><main><h1>Uitloggen bij de testprovider</h1>
${form}
<p><button type="submit" form="op.logoutForm" value="yes" name="logout">Ja, uitloggen</button></p>
</main></body></html>`;
      },
    },
  },
  pkce: { methods: ["S256"], required: () => true },
  cookies: { keys: ["test-only-cookie-key"] },
  interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
  async findAccount(ctx, sub) {
    const account = bySub(sub);
    if (!account) return undefined;
    return {
      accountId: sub,
      async claims() {
        const now = bySub(sub) || account;
        return {
          sub,
          email: now.email,
          email_verified: true,
          given_name: now.given_name,
          family_name: now.family_name,
          groups: now.groups,
        };
      },
    };
  },
  // First-party client: no consent screen, every requested scope granted.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) {
      const grant = await ctx.oidc.provider.Grant.find(grantId);
      if (grant) return grant;
    }
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope("openid email profile groups");
    await grant.save();
    return grant;
  },
};

const provider = new Provider(ISSUER, configuration);
const callback = provider.callback();

function page(uid, error) {
  return `<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Inloggen bij de testprovider</title></head>
<body><main><h1>Inloggen bij de testprovider</h1>
${error ? `<p role="alert">${error}</p>` : ""}
<form method="post" action="/interaction/${uid}/login">
<p><label for="login">Gebruikersnaam</label> <input id="login" name="login" autocomplete="username"></p>
<p><label for="password">Wachtwoord</label> <input id="password" name="password" type="password" autocomplete="current-password"></p>
<p><button type="submit">Inloggen</button></p>
</form></main></body></html>`;
}

async function body(req) {
  let data = "";
  for await (const chunk of req) data += chunk;
  return new URLSearchParams(data);
}

http
  .createServer(async (req, res) => {
    const match = req.url.match(/^\/interaction\/([^/?]+)(\/login)?/);
    if (!match) return callback(req, res);
    try {
      const details = await provider.interactionDetails(req, res);
      if (!match[2]) {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        return res.end(page(details.uid));
      }
      const form = await body(req);
      const account = accounts()[form.get("login")];
      if (!account || account.password !== form.get("password")) {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
        return res.end(page(details.uid, "Onbekende gebruiker of verkeerd wachtwoord."));
      }
      const login = { accountId: account.sub, amr: account.amr || ["pwd"] };
      if (account.acr) login.acr = account.acr;
      return provider.interactionFinished(req, res, { login }, { mergeWithLastSubmission: false });
    } catch (error) {
      res.writeHead(500, { "content-type": "text/plain" });
      return res.end(String(error));
    }
  })
  .listen(Number(PORT), new URL(ISSUER).hostname, () => console.log(`ready ${ISSUER}`));

-- Single sign-on: the OpenID Connect identity (issuer and subject) an account is pinned to after its first SSO
-- sign-in. NULL until then. One identity signs in to one account.
ALTER TABLE staff_accounts ADD COLUMN sso_issuer TEXT;
ALTER TABLE staff_accounts ADD COLUMN sso_subject TEXT;
CREATE UNIQUE INDEX staff_accounts_sso ON staff_accounts (sso_issuer, sso_subject);

import { Body, Controller, Get, HttpCode, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Throttle, ThrottlerGuard } from '@nestjs/throttler';
import { AUTH_API, AuthOptionsResponse, CSRF_COOKIE, SessionResponse } from '@rapportflode/api-contract';
import type { CookieOptions, Request, Response } from 'express';
import { AppConfig } from '../../config/app-config.service';
import { Access } from './access.decorators';
import { Auth, AuthContext, clientOf } from './auth-context';
import { AuthService } from './auth.service';
import { LoginBody, PasswordResetBody, PasswordResetConfirmBody } from './dto/auth.dto';
import { OidcService } from './oidc.service';
import { ActiveSession, SESSION_COOKIE } from './session.service';

/** Sets the session cookie (httpOnly) and the CSRF cookie Angular echoes back as X-XSRF-TOKEN. */
export function setSessionCookies(request: Request, response: Response, token: string, session: ActiveSession): void {
  const base: CookieOptions = { sameSite: 'lax', secure: request.secure, path: '/', expires: session.expiresAt };
  response.cookie(SESSION_COOKIE, token, { ...base, httpOnly: true });
  response.cookie(CSRF_COOKIE, session.csrfToken, { ...base, httpOnly: false });
}

function clearSessionCookies(request: Request, response: Response): void {
  response.clearCookie(SESSION_COOKIE, { path: '/', secure: request.secure, sameSite: 'lax', httpOnly: true });
  response.clearCookie(CSRF_COOKIE, { path: '/', secure: request.secure, sameSite: 'lax' });
}

@ApiTags('auth')
@Controller(AUTH_API.base)
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly oidc: OidcService,
    private readonly config: AppConfig,
  ) {}

  @Get(AUTH_API.options.route)
  @Access.public()
  @ApiOperation({ summary: 'What the sign-in page offers (password; OIDC when configured)' })
  options(): AuthOptionsResponse {
    return { oidc: { enabled: this.oidc.enabled, label: this.config.get('OIDC_LABEL') } };
  }

  @Post(AUTH_API.login.route)
  @HttpCode(200)
  @Access.public()
  @UseGuards(ThrottlerGuard)
  @Throttle({ signin: {} })
  @ApiOperation({ summary: 'Sign in with e-mail and password; sets the session cookie' })
  async login(
    @Body() body: LoginBody,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionResponse> {
    const { token, session } = await this.auth.signIn(body.email, body.password, clientOf(request));
    setSessionCookies(request, response, token, session);
    return this.auth.describe(session);
  }

  @Post(AUTH_API.logout.route)
  @HttpCode(204)
  @Access.signedIn()
  @ApiOperation({ summary: 'Sign out: ends the session on the server' })
  async logout(@Auth() auth: AuthContext, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    await this.auth.signOut(auth.session, auth.ip);
    clearSessionCookies(request, response);
  }

  @Get(AUTH_API.me.route)
  @Access.signedIn()
  @ApiOperation({ summary: 'The signed-in person, their roles and what they may do' })
  me(@Auth() auth: AuthContext): Promise<SessionResponse> {
    return this.auth.describe(auth.session);
  }

  @Post(AUTH_API.passwordReset.route)
  @HttpCode(202)
  @Access.public()
  @UseGuards(ThrottlerGuard)
  @Throttle({ signin: {} })
  @ApiOperation({ summary: 'Mail a single-use reset link (answers the same whether or not the address exists)' })
  async requestReset(@Body() body: PasswordResetBody, @Req() request: Request): Promise<{ message: string }> {
    await this.auth.requestPasswordReset(body.email, clientOf(request).ip);
    return {
      message: 'Om adressen hör till ett konto har vi skickat en länk för att välja nytt lösenord. Kontrollera din e-post.',
    };
  }

  @Post(AUTH_API.passwordResetConfirm.route)
  @HttpCode(204)
  @Access.public()
  @UseGuards(ThrottlerGuard)
  @Throttle({ signin: {} })
  @ApiOperation({ summary: 'Set a new password with a reset token; ends all sessions of the account' })
  async confirmReset(@Body() body: PasswordResetConfirmBody, @Req() request: Request): Promise<void> {
    await this.auth.confirmPasswordReset(body.token, body.password, clientOf(request).ip);
  }

  @Get(AUTH_API.oidcLogin.route)
  @Access.public()
  @ApiOperation({ summary: "Start sign-in at the municipality's identity provider (redirect)" })
  async oidcLogin(@Req() request: Request, @Res() response: Response): Promise<void> {
    response.redirect(302, await this.oidc.start(request, response));
  }

  @Get(AUTH_API.oidcCallback.route)
  @Access.public()
  @ApiOperation({ summary: 'Return from the identity provider: signs in the matching active person' })
  async oidcCallback(@Req() request: Request, @Res() response: Response): Promise<void> {
    const started = await this.oidc.finish(request, response);
    if (!started.ok) {
      response.redirect(302, `/logga-in?fel=${encodeURIComponent(started.reason)}`);
      return;
    }
    setSessionCookies(request, response, started.token, started.session);
    response.redirect(302, '/');
  }
}

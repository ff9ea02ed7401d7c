import { Global, Module } from '@nestjs/common';
import { MailCatcher } from './mail-catcher';
import { MailService } from './mail.service';

@Global()
@Module({ providers: [MailCatcher, MailService], exports: [MailService, MailCatcher] })
export class MailModule {}

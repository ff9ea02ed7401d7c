import { Global, Module } from '@nestjs/common';
import { MailCatcher } from './mail-catcher';
import { MailRepository } from './mail.repository';
import { MailService } from './mail.service';

@Global()
@Module({ providers: [MailRepository, MailCatcher, MailService], exports: [MailService, MailCatcher] })
export class MailModule {}

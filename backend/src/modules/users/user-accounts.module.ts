import { Module } from '@nestjs/common';
import { UserAccounts } from './user-accounts';
import { UsersRepository } from './users.repository';

/**
 * The users module's data layer and UserAccounts, with no dependencies of their own, so that the
 * auth module (which the users pages use) and the notifications and organisation modules can use
 * them too.
 */
@Module({ providers: [UsersRepository, UserAccounts], exports: [UsersRepository, UserAccounts] })
export class UserAccountsModule {}

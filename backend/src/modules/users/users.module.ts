import { Module } from '@nestjs/common';
import { DemoPeopleSeeder } from './demo-people.seed';
import { UserAccountsModule } from './user-accounts.module';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({ imports: [UserAccountsModule], controllers: [UsersController], providers: [UsersService, DemoPeopleSeeder], exports: [DemoPeopleSeeder] })
export class UsersModule {}

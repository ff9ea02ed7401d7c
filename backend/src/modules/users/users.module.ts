import { Module } from '@nestjs/common';
import { DemoPeopleSeeder } from './demo-people.seed';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({ controllers: [UsersController], providers: [UsersService, DemoPeopleSeeder], exports: [DemoPeopleSeeder] })
export class UsersModule {}

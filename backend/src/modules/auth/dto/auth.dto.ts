import { ApiProperty } from '@nestjs/swagger';
import type { LoginRequest, PasswordResetConfirmRequest, PasswordResetRequest } from '@rapportflode/api-contract';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class LoginBody implements LoginRequest {
  @ApiProperty({ example: 'anna.berg@gnesta.example.se' })
  @IsString({ message: 'Ange e-postadress.' })
  @MinLength(3, { message: 'Ange e-postadress.' })
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString({ message: 'Ange lösenord.' })
  @MinLength(1, { message: 'Ange lösenord.' })
  @MaxLength(1024)
  password: string;
}

export class PasswordResetBody implements PasswordResetRequest {
  @ApiProperty()
  @IsString({ message: 'Ange e-postadress.' })
  @MinLength(3, { message: 'Ange e-postadress.' })
  @MaxLength(254)
  email: string;
}

export class PasswordResetConfirmBody implements PasswordResetConfirmRequest {
  @ApiProperty()
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  token: string;

  @ApiProperty({ minLength: 12 })
  @IsString({ message: 'Ange ett nytt lösenord.' })
  @MaxLength(1024)
  password: string;
}

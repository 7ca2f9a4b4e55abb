import { Global, Module } from '@nestjs/common';
import { SearchEngine } from './search-engine';

@Global()
@Module({ providers: [SearchEngine], exports: [SearchEngine] })
export class SearchModule {}

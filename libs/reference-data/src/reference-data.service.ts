import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, type Repository } from 'typeorm';
import { Diagnosis } from './diagnoses/diagnosis.entity';
import { icd10Ancestors } from './diagnoses/icd10-code';
import { searchDiagnoses } from './diagnoses/diagnosis-search';
import { Condition, Network, Technique } from './vocabulary/vocabulary.entities';

/** Reference vocabularies are small and change only through migrations: read once, then served from memory. */
@Injectable()
export class ReferenceDataService {
  private cache?: Promise<{ conditions: Condition[]; techniques: Technique[]; networks: Network[] }>;
  private allDiagnoses?: Promise<Diagnosis[]>;

  constructor(
    @InjectRepository(Condition) private readonly conditionRepo: Repository<Condition>,
    @InjectRepository(Technique) private readonly techniqueRepo: Repository<Technique>,
    @InjectRepository(Network) private readonly networkRepo: Repository<Network>,
    @InjectRepository(Diagnosis) private readonly diagnosisRepo: Repository<Diagnosis>,
  ) {}

  private load() {
    this.cache ??= Promise.all([
      this.conditionRepo.find({ order: { name: 'ASC' } }),
      this.techniqueRepo.find({ order: { name: 'ASC' } }),
      this.networkRepo.find({ order: { name: 'ASC' } }),
    ]).then(([conditions, techniques, networks]) => ({ conditions, techniques, networks }));
    this.cache.catch(() => (this.cache = undefined));
    return this.cache;
  }

  async conditions(): Promise<Condition[]> {
    return (await this.load()).conditions;
  }

  async techniques(): Promise<Technique[]> {
    return (await this.load()).techniques;
  }

  async networks(): Promise<Network[]> {
    return (await this.load()).networks;
  }

  /** The prescriber's look-up as they type: by code prefix or words, patient words of the conditions included. */
  async searchDiagnoses(text: string, first: number): Promise<Diagnosis[]> {
    this.allDiagnoses ??= this.diagnosisRepo.find({ order: { code: 'ASC' } });
    this.allDiagnoses.catch(() => (this.allDiagnoses = undefined));
    return searchDiagnoses(await this.allDiagnoses, await this.conditions(), text, first);
  }

  async diagnosis(code: string): Promise<Diagnosis | null> {
    return this.diagnosisRepo.findOneBy({ code: code.trim().toUpperCase() });
  }

  async categoryOf(code: string): Promise<Diagnosis | null> {
    const ancestors = icd10Ancestors(code);
    if (ancestors.length === 0) return null;
    const found = await this.diagnosisRepo.findBy({ code: In(ancestors) });
    return ancestors.map((a) => found.find((d) => d.code === a)).find((d) => d !== undefined) ?? null;
  }

  /** Pass the transaction's manager when inside one, so the read does not need a second connection. */
  async diagnoses(codes: string[], manager?: EntityManager): Promise<Diagnosis[]> {
    if (codes.length === 0) return [];
    const repository = manager ? manager.getRepository(Diagnosis) : this.diagnosisRepo;
    return repository.findBy({ code: In(codes.map((c) => c.trim().toUpperCase())) });
  }

  /** Ids from `ids` that are not in the vocabulary. */
  async unknownIds(kind: 'conditions' | 'techniques' | 'networks', ids: string[]): Promise<string[]> {
    const known = new Set((await this.load())[kind].map((item) => item.id));
    return ids.filter((id) => !known.has(id));
  }
}

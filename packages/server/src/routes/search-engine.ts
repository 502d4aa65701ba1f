// The one place the server binds to a directory search engine (the SDK's), so swapping it is a one-line change.
import type { Service, ServiceHit } from '@referral-kit/sdk';
import { HttpError } from '../http/types.js';

export interface DirectoryQuery {
  q: string;
  near?: { lat: number; lon: number } | { postalCode: string };
  radiusKm?: number;
  categories?: string[];
  languages?: string[];
  openAt?: Date;
}

export type ServiceSearch = (query: DirectoryQuery) => ServiceHit[];

export function buildServiceSearch(_services: readonly Service[]): ServiceSearch {
  return () => {
    throw new HttpError(503, 'unavailable', 'Service search is not available on this server yet.');
  };
}

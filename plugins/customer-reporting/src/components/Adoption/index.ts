export { AdoptionContent } from './AdoptionContent';
export { EntityAdoptionCard } from './EntityAdoptionCard';

// The seed's walkthrough in English (test/e2e/lib/walkthroughSuite.ts).
import { walkthroughSuite } from './lib/walkthroughSuite';

walkthroughSuite('en');

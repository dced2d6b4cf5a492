// The seed's walkthrough with VS Code's display language set to Russian, as the seed's tutorial
// reads (test/e2e/lib/walkthroughSuite.ts).
import { walkthroughSuite } from './lib/walkthroughSuite';

walkthroughSuite('ru');

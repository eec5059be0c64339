// `npx cdk synth|deploy` runs this (cdk.json: node --import tsx app.ts), straight from the TypeScript sources.
import { buildApp } from './lib/app.ts';

buildApp().app.synth();

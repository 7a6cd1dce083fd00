'use strict';
// A partner's whole journey over gRPC from Node, with @grpc/grpc-js and @grpc/proto-loader reading protos/ as they
// are: an assessment for one member (typed answers), a routine, three sessions, progress, then the partner's feed
// (a page with ListEvents, and a Subscribe that it cancels). Each step prints one or more lines; any failure prints
// the gRPC status and the service's error code and exits with 1.
//   node journey.js <grpc-url> <api-key> <member-id>       (samples/node-partner/run installs the packages first)

const path = require('node:path');
const { randomUUID } = require('node:crypto');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const [address, apiKey, member] = process.argv.slice(2);
if (!address || !apiKey || !member) {
  console.error('usage: node journey.js <grpc-url> <api-key> <member-id>');
  process.exit(2);
}

// keepCase: fields keep their proto names (typed_answers, pain_before), the names the service's errors use too.
const definition = protoLoader.loadSync(
  ['sciatica/v1/assessment.proto', 'sciatica/v1/routines.proto', 'sciatica/v1/identity.proto'],
  { includeDirs: [path.resolve(__dirname, '..', '..', 'protos')], keepCase: true, longs: String, enums: String, defaults: true, oneofs: true },
);
const v1 = grpc.loadPackageDefinition(definition).sciatica.v1;

// grpc-js takes host:port; the scheme says whether to use TLS.
const url = new URL(address);
const target = `${url.hostname}:${url.port || (url.protocol === 'https:' ? 443 : 80)}`;
const credentials = url.protocol === 'https:' ? grpc.credentials.createSsl() : grpc.credentials.createInsecure();
const client = (Service) => new Service(target, credentials);
const identity = client(v1.IdentityService);
const assessments = client(v1.AssessmentService);
const routines = client(v1.RoutineService);
const sessions = client(v1.SessionService);
const progress = client(v1.ProgressService);
const feed = client(v1.PartnerFeedService);

// The key in metadata on every call; the member in each request's member_id.
const metadata = new grpc.Metadata();
metadata.set('x-api-key', apiKey);

let step = 'start';

function unary(service, method, request) {
  return new Promise((resolve, reject) => {
    service[method](request, metadata, { deadline: Date.now() + 15000 }, (error, response) => (error ? reject(error) : resolve(response)));
  });
}

function timestamp(date) {
  return { seconds: Math.floor(date.getTime() / 1000), nanos: 0 };
}

// Questionnaire contract 2: every red flag and screen answered "no", then a herniated-disc picture.
function typedAnswers() {
  const no = [
    'saddle_numbness', 'bladder_bowel_change', 'sexual_function_change', 'both_legs_recent', 'progressive_weakness', 'foot_drop',
    'legs_giving_way', 'bilateral_leg_symptoms', 'cancer_history', 'unexplained_weight_loss', 'night_pain_unrelenting', 'thoracic_pain',
    'fever_or_unwell', 'infection_risk', 'recent_major_trauma', 'osteoporosis', 'long_term_steroids', 'weakened_immunity',
    'pain_uncontrolled', 'hip_replacement', 'pregnant',
  ];
  return [
    ...no.map((item) => ({ item, yes_no: false })),
    { item: 'symptom_duration', choice: '2_to_6_weeks' },
    { item: 'age', number: 38 },
    { item: 'pain_now', number: 6 },
    { item: 'sbi_leg_pain', number: 5 },
    { item: 'sbi_numbness', number: 3 },
    { item: 'sbi_weakness', number: 0 },
    { item: 'sbi_sitting', number: 4 },
    { item: 'pain_location', choice: 'below_knee' },
    { item: 'onset', choice: 'after_lifting_or_accident' },
    { item: 'worse_sitting', yes_no: true },
    { item: 'worse_cough_sneeze', yes_no: true },
  ];
}

// Follows the feed from the start until it has seen `expected` events (or 5 s have passed), then cancels the call.
function subscribe(expected) {
  return new Promise((resolve, reject) => {
    const received = [];
    const call = feed.Subscribe({ cursor: '' }, metadata);
    const timer = setTimeout(() => call.cancel(), 5000);
    call.on('data', (event) => {
      received.push(event);
      if (received.length >= expected) {
        call.cancel();
      }
    });
    call.on('error', (error) => {
      clearTimeout(timer);
      // Cancelling is how a subscriber ends the stream; anything else is a failure.
      if (error.code === grpc.status.CANCELLED) {
        resolve(received);
      } else {
        reject(error);
      }
    });
    call.on('end', () => {
      clearTimeout(timer);
      reject(new Error('The feed stream ended without being cancelled.'));
    });
  });
}

async function journey() {
  step = 'WhoAmI';
  const me = await unary(identity, 'WhoAmI', { member_id: member });
  console.log(`Caller: ${me.kind} ${me.partner_id}, acting for member ${me.member_id}`);

  step = 'SubmitAssessment';
  const answers = typedAnswers();
  const assessment = await unary(assessments, 'SubmitAssessment', { id: randomUUID(), member_id: member, typed_answers: answers });
  const top = assessment.causes[0];
  console.log(`Assessment ${assessment.id}: triage ${assessment.triage.level}, most likely ${top.condition} (${top.band}), `
    + `${assessment.typed_answers.length} typed answers read back`);
  if (assessment.typed_answers.length !== answers.length) {
    throw new Error(`Sent ${answers.length} answers, read back ${assessment.typed_answers.length}.`);
  }

  step = 'CreateRoutine';
  const routine = await unary(routines, 'CreateRoutine', { assessment_id: assessment.id, minutes_per_day: 15, member_id: member });
  console.log(`Routine v${routine.version} ${routine.id}, about ${routine.estimated_minutes} minutes:`);
  for (const item of routine.items) {
    console.log(`  ${item.position}. ${item.stretch}: ${item.reason}`);
  }

  // Three days of sessions, under ids the client chose: a resend after a timeout would change nothing.
  step = 'PutSession';
  for (let day = 2; day >= 0; day--) {
    const done = new Date(Date.now() - day * 86400000 - 5 * 60000);
    const report = {
      routine_id: routine.id,
      started_at: timestamp(new Date(done.getTime() - 15 * 60000)),
      completed_at: timestamp(done),
      pain_before: 5,
      pain_after: 4,
      items: routine.items.map((item) => ({ stretch: item.stretch, done: true, sets_done: item.sets, pain_during: 2 })),
    };
    const logged = await unary(sessions, 'PutSession', { id: randomUUID(), report, member_id: member });
    console.log(`Session ${3 - day} of 3 logged: ${logged.session.id} (${logged.created ? 'created' : 'unchanged'})`);
  }

  step = 'GetProgress';
  const report = await unary(progress, 'GetProgress', { member_id: member });
  const done = report.weeks.reduce((sum, week) => sum + week.sessions_done, 0);
  console.log(`Progress: ${done} sessions from ${report.from} to ${report.to}, current streak ${report.current_streak} days`);

  step = 'ListEvents';
  const page = await unary(feed, 'ListEvents', { cursor: '', limit: 100 });
  console.log(`ListEvents: ${page.events.length} events, next cursor ${page.cursor}`);
  for (const event of page.events) {
    console.log(`  ${event.cursor.padStart(4)} ${event.type.padEnd(22)} member ${event.member_id} ${event.subject_id}`);
  }

  step = 'Subscribe';
  const streamed = await subscribe(page.events.length);
  console.log(`Subscribe: ${streamed.length} events (${streamed.map((event) => event.type).join(', ')}), then cancelled`);
  if (streamed.length < page.events.length) {
    throw new Error(`The stream gave ${streamed.length} of the ${page.events.length} events ListEvents gave.`);
  }

  console.log('Journey complete.');
}

journey().then(
  () => process.exit(0),
  (error) => {
    // The service puts a stable error code in the error-code trailer, the same code REST returns.
    const code = error.metadata?.get('error-code')?.[0];
    const status = error.code === undefined ? '' : `${Object.keys(grpc.status).find((name) => grpc.status[name] === error.code)}: `;
    console.error(`Failed at ${step}: ${status}${error.details ?? error.message}${code ? ` (code ${code})` : ''}`);
    process.exit(1);
  },
);

import 'server-only';

/** Realistic vocabulary for generated sandbox data. */

export const FIRST_NAMES = [
  'Olivia', 'Liam', 'Emma', 'Noah', 'Ava', 'Oliver', 'Sophia', 'Elijah', 'Isabella', 'James', 'Mia', 'William',
  'Amelia', 'Benjamin', 'Harper', 'Lucas', 'Evelyn', 'Henry', 'Abigail', 'Alexander', 'Emily', 'Daniel', 'Ella',
  'Matthew', 'Grace', 'Samuel', 'Chloe', 'David', 'Victoria', 'Joseph', 'Priya', 'Arjun', 'Wei', 'Mei', 'Hiroshi',
  'Yuki', 'Fatima', 'Omar', 'Aisha', 'Mateo', 'Lucía', 'Sofía', 'Diego', 'Camila', 'Lars', 'Ingrid', 'Sven',
  'Anika', 'Kofi', 'Amara', 'Chinedu', 'Nadia', 'Dmitri', 'Olga', 'Giulia', 'Marco', 'Chloé', 'Théo', 'Hannah',
  'Jonas', 'Maya', 'Ethan', 'Zara', 'Rohan', 'Leila', 'Tomás', 'Ines', 'Kenji', 'Sakura', 'Ngozi', 'Pedro',
] as const;

export const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez',
  'Lopez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Thompson', 'White',
  'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Patel', 'Sharma',
  'Chen', 'Wang', 'Tanaka', 'Suzuki', 'Kim', 'Park', 'Nguyen', 'Okafor', 'Mensah', 'Haddad', 'Khan', 'Müller',
  'Schmidt', 'Rossi', 'Bianchi', 'Dubois', 'Lefèvre', 'Johansson', 'Nielsen', 'Kowalski', 'Novak', 'Silva',
  'Santos', 'Fernández', "O'Brien", 'Murphy', 'Ivanova', 'Cohen', 'Levi', 'Costa', 'Almeida', 'Fischer',
] as const;

export const COMPANY_STEMS = [
  'Acme', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne', 'Wonka', 'Hooli', 'Vandelay', 'Pied Piper',
  'Northwind', 'Contoso', 'Fabrikam', 'Tailspin', 'Litware', 'Adventure', 'Blue Yonder', 'Proseware', 'Woodgrove',
  'Lucerne', 'Alpine', 'Summit', 'Harbor', 'Cascade', 'Evergreen', 'Redwood', 'Silverline', 'Brightwave', 'Ironclad',
  'Nimbus', 'Quantum', 'Vertex', 'Helix', 'Orbit', 'Zenith', 'Polaris', 'Aurora', 'Meridian', 'Keystone', 'Beacon',
  'Sterling', 'Pinnacle', 'Horizon', 'Lighthouse', 'Falcon', 'Granite', 'Juniper', 'Maple', 'Cobalt', 'Sapphire',
] as const;

export const COMPANY_SUFFIXES = [
  'Inc.', 'LLC', 'Labs', 'Group', 'Systems', 'Technologies', 'Partners', 'Holdings', 'Analytics', 'Logistics',
  'Health', 'Foods', 'Studios', 'Consulting', 'Robotics', 'Energy', 'Capital', 'Media', 'Software', 'GmbH',
] as const;

export const INDUSTRIES = [
  'COMPUTER_SOFTWARE', 'INFORMATION_TECHNOLOGY_AND_SERVICES', 'FINANCIAL_SERVICES', 'HOSPITAL_HEALTH_CARE',
  'MARKETING_AND_ADVERTISING', 'RETAIL', 'LOGISTICS_AND_SUPPLY_CHAIN', 'CONSTRUCTION', 'EDUCATION_MANAGEMENT',
  'FOOD_BEVERAGES', 'RENEWABLES_ENVIRONMENT', 'REAL_ESTATE', 'TELECOMMUNICATIONS', 'AUTOMOTIVE', 'BIOTECHNOLOGY',
] as const;

export const TOP_LEVEL_DOMAINS = ['com', 'io', 'co', 'net', 'dev', 'org', 'de', 'co.uk', 'fr', 'jp'] as const;

/** Nouns for titles of documents, bases, tables and deals. */
export const TOPIC_WORDS = [
  'Roadmap', 'Launch', 'Budget', 'Hiring', 'Onboarding', 'Research', 'Campaign', 'Inventory', 'Retrospective',
  'Strategy', 'Pipeline', 'Partnerships', 'Support', 'Design', 'Release', 'Security', 'Compliance', 'Analytics',
  'Offsite', 'Content', 'Events', 'Procurement', 'Expansion', 'Renewal', 'Migration', 'Pricing', 'Feedback',
  'Recruiting', 'Operations', 'Planning', 'Sprint', 'Handbook', 'Vendors', 'Travel', 'Okrs', 'Wiki', 'Backlog',
] as const;

export const QUALIFIERS = [
  'Q1', 'Q2', 'Q3', 'Q4', '2024', '2025', '2026', 'Team', 'Global', 'EMEA', 'APAC', 'Internal', 'Draft',
  'Weekly', 'Monthly', 'Annual', 'Product', 'Marketing', 'Sales', 'Engineering', 'Customer', 'Design',
] as const;

/** Names that exercise escaping and unicode handling. */
export const TRICKY_PERSON_NAMES = [
  { first: 'José', last: 'Núñez' },
  { first: 'Zoë', last: 'Brontë' },
  { first: '太郎', last: '山田' },
  { first: 'Łukasz', last: 'Wiśniewski' },
  { first: 'Søren', last: 'Kierkegård' },
  { first: 'Ава', last: 'Смирнова' },
  { first: '🚀 Rocket', last: 'Ramírez 🎉' },
  { first: '<b>Bold</b> & <script>alert(1)</script>', last: '"Quote" O\'Hara' },
] as const;

export const TRICKY_TITLES = [
  '🚀 Launch plan',
  'Café menü — Ünïcödé',
  '日本語のドキュメント',
  '<img src=x onerror=alert(1)> & "quotes"',
  'Ελληνικά σημειώσεις',
  '📚 Reading list ✨',
] as const;

export const EMOJI = ['📁', '📝', '🚀', '💡', '📊', '🗂️', '✅', '🎯', '📅', '🧪', '🌍', '💬'] as const;

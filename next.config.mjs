/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ['redis', '@hubspot/api-client'],
  poweredByHeader: false,
  reactStrictMode: true,
  // The build checks the app; `npm run typecheck` (part of `npm test`) checks the tests too.
  typescript: { tsconfigPath: 'tsconfig.build.json' },
};

export default nextConfig;

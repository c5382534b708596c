import type { DirectoryProvider } from '../shared/types.js';

// Step-by-step setup guides, one per identity provider, in the words each admin console uses
// (checked against the providers' own documentation). `{endpoint}` and `{token}` mark where the
// guide shows the SCIM endpoint URL and the bearer token with their copy buttons.

export type GuideSlot = 'endpoint' | 'token' | 'endpoint-and-token';

export interface GuideStep {
  title: string;
  /** Paragraphs; text between ** is a console label shown in bold. */
  body: string[];
  /** Copy fields shown under the step. */
  slot?: GuideSlot;
}

export interface ProviderGuide {
  provider: DirectoryProvider;
  name: string;
  short: string;
  color: string;
  /** The console's name for the SCIM URL field and the token field. */
  endpointField: string;
  tokenField: string;
  /** Before the steps: what the admin needs. */
  before?: string;
  /** Shown as a warning above the steps. */
  caveat?: string;
  steps: GuideStep[];
  /** What to assign, in this provider's terms. */
  assign: string;
}

export const GUIDES: ProviderGuide[] = [
  {
    provider: 'OKTA',
    name: 'Okta',
    short: 'Ok',
    color: '#007dc1',
    endpointField: 'SCIM connector base URL',
    tokenField: 'Bearer token (Authorization)',
    before: 'You need an Okta administrator who can create app integrations. SCIM works with SAML and SWA app integrations (not OIDC ones).',
    steps: [
      {
        title: 'Create an app integration with SCIM provisioning',
        body: [
          'In the Okta Admin Console go to **Applications › Applications** and choose **Create App Integration** (or open the app you already use for single sign-on to this application).',
          'Pick **SAML 2.0** or **SWA**, give it a name, and finish the wizard. On the app’s **General** tab, click **Edit** under **App Settings**, set **Provisioning** to **SCIM**, and **Save**.',
        ],
      },
      {
        title: 'Connect Okta to the SCIM endpoint',
        body: [
          'Open the **Provisioning** tab, then **Settings › Integration**, and click **Edit**.',
          'Paste the endpoint below into **SCIM connector base URL**. Set **Unique identifier field for users** to **userName**.',
          'Under **Supported provisioning actions** tick **Push New Users**, **Push Profile Updates** and **Push Groups** (and **Import New Users and Profile Updates** if you want Okta to read back).',
          'Set **Authentication Mode** to **HTTP Header** and paste the token below into **Bearer** (the Authorization field).',
        ],
        slot: 'endpoint-and-token',
      },
      {
        title: 'Test and save',
        body: ['Click **Test Connector Configuration**. Okta reads users from Roster; a green result means the URL and token are right. Then click **Save**.'],
      },
      {
        title: 'Turn on provisioning to the app',
        body: ['Under **Provisioning › Settings › To App**, click **Edit** and enable **Create Users**, **Update User Attributes** and **Deactivate Users**. Save.'],
      },
      {
        title: 'Assign people and push groups',
        body: [
          'On the **Assignments** tab, **Assign** the people or groups who should have access: each one is created here within seconds.',
          'On the **Push Groups** tab, choose **Push Groups › Find groups by name** and add the groups whose membership the application should know (for example to map them to roles).',
        ],
      },
    ],
    assign: 'Assign users on the Assignments tab and add groups on the Push Groups tab. Assigning a group on Assignments provisions its members, but only Push Groups sends the group itself.',
  },
  {
    provider: 'AZURE_AD',
    name: 'Microsoft Entra ID',
    short: 'En',
    color: '#0078d4',
    endpointField: 'Tenant URL',
    tokenField: 'Secret Token',
    before: 'You need the Application Administrator (or Cloud Application Administrator) role in Microsoft Entra ID. Provisioning groups needs Entra ID P1 or P2.',
    steps: [
      {
        title: 'Create an enterprise application',
        body: [
          'In the Microsoft Entra admin center go to **Identity › Applications › Enterprise applications** and choose **New application › Create your own application**.',
          'Name it, select **Integrate any other application you don’t find in the gallery (Non-gallery)**, and click **Create**. (If you already use an enterprise application for single sign-on to this application, open that one instead.)',
        ],
      },
      {
        title: 'Set provisioning to Automatic',
        body: ['In the application, open **Provisioning** (under **Manage**) and click **Get started** (or **Connect your application**). Set **Provisioning Mode** to **Automatic**.'],
      },
      {
        title: 'Enter the admin credentials',
        body: [
          'Under **Admin Credentials**, paste the endpoint below into **Tenant URL** and the token into **Secret Token**.',
          'Click **Test Connection**: Entra sends a lookup for a random user, and Roster answers it. Then click **Save**.',
        ],
        slot: 'endpoint-and-token',
      },
      {
        title: 'Review the attribute mappings',
        body: [
          'Under **Mappings**, keep **Provision Microsoft Entra ID Users** and **Provision Microsoft Entra ID Groups** enabled.',
          'The default user mappings send userName (from userPrincipalName), name, emails, and the enterprise attributes such as department and employeeNumber; map those to application fields on the Attribute mapping tab here.',
        ],
      },
      {
        title: 'Assign users and groups, then start provisioning',
        body: [
          'Open **Users and groups**, choose **Add user/group**, and add the people and groups who should have access.',
          'Back in **Provisioning**, set **Provisioning Status** to **On** and **Save**. Entra’s first cycle starts within a few minutes; later cycles run about every 40 minutes. To test one person right away, use **Provision on demand**.',
        ],
      },
    ],
    assign: 'Only users and groups added under Users and groups are provisioned. Assigned groups are sent with their members; nested groups are not expanded by Entra.',
  },
  {
    provider: 'GOOGLE',
    name: 'Google Workspace',
    short: 'G',
    color: '#1a73e8',
    endpointField: 'Endpoint URL',
    tokenField: 'Access token',
    caveat:
      'Google Workspace provisions users by SCIM only to applications in its own catalog of supported apps; a custom SAML app usually does not offer "Auto-provisioning". ' +
      'If your Google Admin console shows no auto-provisioning for this application, connect through an identity provider that syncs from Google Workspace (Okta, JumpCloud or Microsoft Entra ID can import your Google users and groups) and follow that provider’s guide instead.',
    steps: [
      {
        title: 'Open the application in the Google Admin console',
        body: ['In the Google Admin console go to **Apps › Web and mobile apps** and open the SAML app you use for this application.'],
      },
      {
        title: 'Set up auto-provisioning',
        body: [
          'If the app offers it, click **Configure auto-provisioning** (or **Auto-provisioning › Turn on**).',
          'Paste the token below into **Access token** and the endpoint into **Endpoint URL**, then continue.',
        ],
        slot: 'endpoint-and-token',
      },
      {
        title: 'Map attributes and choose the scope',
        body: [
          'Review the attribute mapping Google proposes (primary email to userName, first and last name) and continue.',
          'Under **Provisioning scope**, pick the groups whose members should be provisioned, then choose what happens to deprovisioned users and click **Finish**.',
        ],
      },
      {
        title: 'Activate',
        body: ['Turn **Auto-provisioning** to **Active**. Google syncs every few hours; the first users arrive here when its first cycle runs.'],
      },
    ],
    assign: 'Users in the provisioning scope (and who have the app turned on) are provisioned.',
  },
  {
    provider: 'ONELOGIN',
    name: 'OneLogin',
    short: 'On',
    color: '#1c1f2a',
    endpointField: 'SCIM Base URL',
    tokenField: 'SCIM Bearer Token',
    before: 'You need a OneLogin account owner or an administrator with app management rights.',
    steps: [
      {
        title: 'Add the SCIM application',
        body: ['In OneLogin go to **Applications › Applications › Add App**, search for **SCIM Provisioner with SAML (SCIM v2 Enterprise)**, select it, name it, and **Save**.'],
      },
      {
        title: 'Enter the connection details',
        body: [
          'On the **Configuration** tab, paste the endpoint below into **SCIM Base URL** and the token into **SCIM Bearer Token**. Leave the **SCIM JSON Template** as it is (it sends the core and enterprise attributes).',
          'Under **API Connection**, click **Enable**: OneLogin calls Roster to check the connection.',
        ],
        slot: 'endpoint-and-token',
      },
      {
        title: 'Turn on provisioning',
        body: [
          'On the **Provisioning** tab, tick **Enable provisioning**, and choose what **Create user**, **Delete user** and **Update user** do (keep them automatic unless your process needs approval). **Save**.',
          'On the **Parameters** tab, open **Groups** and tick **Include in User Provisioning** so group memberships are sent.',
        ],
      },
      {
        title: 'Assign users',
        body: ['Give people access through **Users › (a user) › Applications**, or with a role or rule that includes this app. Each assigned user is created here.'],
      },
    ],
    assign: 'Users get the app through roles or direct assignment; groups are sent when the Groups parameter is included in provisioning.',
  },
  {
    provider: 'JUMPCLOUD',
    name: 'JumpCloud',
    short: 'Jc',
    color: '#0b8a7c',
    endpointField: 'Base URL',
    tokenField: 'Token Key',
    before: 'You need a JumpCloud administrator with access to SSO Applications.',
    steps: [
      {
        title: 'Add a custom application',
        body: [
          'In the JumpCloud Admin Portal go to **SSO Applications** and click **Add New Application**. Choose **Custom Application** (or open the SAML app you already use for this application).',
          'Select **Export users to this app (Identity Management)**, name the application, and save it. Then open its **Identity Management** tab.',
        ],
      },
      {
        title: 'Configure SCIM',
        body: [
          'Set **SCIM Version** to **SCIM 2.0**. Paste the endpoint below into **Base URL** and the token into **Token Key**. Enter the email of a real user in **Test User Email**.',
          'Click **Test Connection** (JumpCloud creates and then removes a test user and a test group), then **Activate**, and **Save**.',
        ],
        slot: 'endpoint-and-token',
      },
      {
        title: 'Enable group management',
        body: ['Still on **Identity Management**, turn on **Group Management** so JumpCloud sends the user groups bound to the application and their members.'],
      },
      {
        title: 'Bind user groups',
        body: ['Open the application’s **User Groups** tab, select the groups who should have access, and **Save**. Their members are provisioned within minutes.'],
      },
    ],
    assign: 'Access is granted to user groups bound to the application; their members are provisioned, and the groups too when Group Management is on.',
  },
  {
    provider: 'PING_IDENTITY',
    name: 'PingIdentity',
    short: 'Pi',
    color: '#b3282d',
    endpointField: 'SCIM Base URL',
    tokenField: 'OAuth Access Token',
    before: 'These steps are for PingOne. You need an environment administrator (Identity Data Admin or Environment Admin).',
    steps: [
      {
        title: 'Create a provisioning connection',
        body: ['In the PingOne admin console go to **Integrations › Provisioning**, click **+**, choose **New connection**, click **Select** on **Identity Store**, pick **SCIM Outbound**, and click **Next**. Name the connection.'],
      },
      {
        title: 'Configure authentication',
        body: [
          'Paste the endpoint below into **SCIM Base URL**. Set **Users Resource** to **/Users** and **SCIM Version** to **2.0**.',
          'Set **Authentication Method** to **OAuth 2 Bearer Token**, paste the token into **OAuth Access Token**, and set **Auth Type Header** to **Bearer**.',
          'Click **Test Connection**, then continue.',
        ],
        slot: 'endpoint-and-token',
      },
      {
        title: 'Choose what the connection may do',
        body: ['Allow users to be created, updated and disabled or deleted, and turn on group provisioning if you want group memberships sent. Finish the wizard and enable the connection with its toggle.'],
      },
      {
        title: 'Create a provisioning rule',
        body: [
          'Under **Integrations › Provisioning › Rules**, click **+** to create a rule, select this connection as the target, and set a **User Filter** for the people to provision (for example a population or group).',
          'Review **Attribute Mapping** (username, name, email; add enterprise attributes if you need them), then turn the rule on with its toggle.',
        ],
      },
    ],
    assign: 'The rule’s user filter decides who is provisioned; groups are sent when group provisioning is enabled on the rule.',
  },
  {
    provider: 'OTHER',
    name: 'Other SCIM 2.0',
    short: '{ }',
    color: '#5b6478',
    endpointField: 'SCIM base URL',
    tokenField: 'Bearer token',
    before: 'Any client that speaks SCIM 2.0 (RFC 7643/7644) with a bearer token works: authentik, Keycloak with a SCIM plugin, rippling, or your own scripts.',
    steps: [
      {
        title: 'Point the client at the SCIM endpoint',
        body: ['Use the endpoint below as the SCIM base URL. It serves **/Users**, **/Groups**, **/Bulk**, **/ServiceProviderConfig**, **/ResourceTypes** and **/Schemas**.'],
        slot: 'endpoint',
      },
      {
        title: 'Authenticate with the bearer token',
        body: ['Send the token in every request as **Authorization: Bearer <token>**.'],
        slot: 'token',
      },
      {
        title: 'Push users and groups',
        body: [
          'Create users with **POST /Users** (userName is required; externalId, name, emails and the enterprise extension are kept) and groups with **POST /Groups**; update them with **PATCH** or **PUT**, remove with **DELETE**.',
          'Filters such as **userName eq "x"** and **externalId eq "x"** are supported for lookups.',
        ],
      },
    ],
    assign: 'Whatever the client pushes is provisioned; push groups with their members to map them to roles.',
  },
];

/** Sources Roster reads itself (pulled directories), as tiles of the provider picker. */
export const PULLED_TILES: { provider: DirectoryProvider; name: string; short: string; color: string; sub: string }[] = [
  { provider: 'GOOGLE', name: 'Google Workspace', short: 'G', color: '#1a73e8', sub: 'Sign in with Google, or a service account' },
  { provider: 'BAMBOOHR', name: 'BambooHR', short: 'Bh', color: '#73c41d', sub: 'Subdomain and API key' },
];

export const guideFor = (provider: DirectoryProvider): ProviderGuide => GUIDES.find((guide) => guide.provider === provider) ?? (GUIDES.at(-1) as ProviderGuide);

/** What a directory needs from the provider to be useful to the application. */
export const ATTRIBUTES_TO_SEND = [
  { name: 'userName', why: 'required; usually the work email' },
  { name: 'name.givenName, name.familyName', why: 'the person’s name' },
  { name: 'emails (work, primary)', why: 'the email the application shows' },
  { name: 'active', why: 'deactivation signs people out of the application' },
  { name: 'externalId', why: 'the provider’s own id; keeps a renamed user the same user' },
  { name: 'enterprise extension: department, employeeNumber, manager', why: 'optional; map them on the Attribute mapping tab' },
];

import { alicloud } from './alicloud';
import { AWS_CAMEL, AWS_DEFAULTS, iamLike } from './aws-iam';
import { cognito } from './cognito';
import { isObject, type ObjectRecogniser } from './shared';
import { TreeReader } from '../../reader';

const PULUMI_TYPES: Readonly<Record<string, 'aws' | 'alicloud' | 'cognito'>> = {
  'aws:iam:AccountPasswordPolicy': 'aws',
  'aws:iam/accountPasswordPolicy:AccountPasswordPolicy': 'aws',
  'alicloud:ram:AccountPasswordPolicy': 'alicloud',
  'aws:cognito:UserPool': 'cognito',
  'aws:cognito/userPool:UserPool': 'cognito',
};

/** A Pulumi YAML resource: `{ type: aws:iam:AccountPasswordPolicy, properties: {...} }`. */
export const pulumiResource: ObjectRecogniser = ({ doc, r, anchor }, out) => {
  const pulumi = PULUMI_TYPES[r.str(['type']) ?? ''];
  if (!pulumi) return false;
  const props = r.node(['properties']);
  const body = isObject(props) ? props : undefined;
  if (props && !body && !(props.kind === 'scalar' && props.value === null)) return true;
  const pr = new TreeReader(doc, body, anchor);
  if (pulumi === 'aws') out.push(iamLike(pr, 'AWS IAM', AWS_CAMEL, AWS_DEFAULTS));
  else if (pulumi === 'alicloud') out.push(alicloud(pr, true, false));
  else out.push(cognito(doc, body, anchor, 'pulumi'));
  return true;
};

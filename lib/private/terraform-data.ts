import { Construct } from 'constructs';
import { TerraformMetaArguments, TerraformResource, anyToTerraform, hashMapper } from 'cdktf';

/** Config of {@link TerraformData}. */
export interface TerraformDataConfig extends TerraformMetaArguments {
  readonly triggersReplace?: { [key: string]: unknown };
}

/**
 * Terraform's built-in `terraform_data` resource (Terraform 1.4 or newer).
 *
 * cdktf's own `DataResource` adds a validation that runs `terraform version`
 * in a child process, once per resource, at every synth: synth then needs the
 * terraform binary, and a fleet of zones pays one process spawn per zone
 * (measured: 200 zones took 20 s instead of 0.5 s). This class writes the
 * same JSON without that validation.
 */
export class TerraformData extends TerraformResource {
  private readonly triggersReplace?: { [key: string]: unknown };

  constructor(scope: Construct, id: string, config: TerraformDataConfig) {
    super(scope, id, {
      terraformResourceType: 'terraform_data',
      terraformGeneratorMetadata: { providerName: 'terraform' },
      dependsOn: config.dependsOn,
      forEach: config.forEach,
      provisioners: config.provisioners,
      lifecycle: config.lifecycle,
    });
    this.triggersReplace = config.triggersReplace;
  }

  protected synthesizeAttributes(): { [name: string]: unknown } {
    return { triggers_replace: hashMapper(anyToTerraform)(this.triggersReplace) };
  }
}

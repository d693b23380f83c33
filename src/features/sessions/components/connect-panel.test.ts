import { describe, expect, it } from 'vitest';
import { SPARK_CONNECT_PACKAGE, sparkConnectSnippet } from './connect-panel';

describe('Spark Connect snippet', () => {
  it("uses Google's current client and attaches to this session by project, region and ID", () => {
    const snippet = sparkConnectSnippet({ name: 'projects/my-proj/locations/europe-west1/sessions/etl-7' });
    expect(SPARK_CONNECT_PACKAGE).toBe('dataproc-spark-connect');
    expect(snippet).toContain('pip install -U dataproc-spark-connect');
    expect(snippet).toContain('from google.cloud.dataproc_spark_connect import DataprocSparkSession');
    expect(snippet).not.toContain('google.cloud.spark_connect');
    expect(snippet).toMatch(
      /DataprocSparkSession\.builder\s+\.projectId\("my-proj"\)\s+\.location\("europe-west1"\)\s+\.dataprocSessionId\("etl-7"\).*\s+\.getOrCreate\(\)/,
    );
  });
});

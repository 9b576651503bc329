import { Spin } from 'antd';

export function FullPageSpin() {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: 96 }}>
      <Spin size="large" />
    </div>
  );
}
